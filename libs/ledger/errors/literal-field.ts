import { type ASTNode, BREAK, Kind, parse, visit } from 'graphql';

const isNode = (value: unknown): value is ASTNode => typeof value === 'object' && value !== null && 'kind' in value;

/** What a scalar may be handed: a value of any kind (a variable is refused elsewhere). */
const VALUES = new Set<Kind>([Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.ENUM, Kind.NULL, Kind.LIST, Kind.OBJECT]);

/**
 * The field a value written into a document was given for, named as a variable's refusal names it
 * (format-error.ts): the path within the argument's value (`filter: { from: "x" }` → `from`,
 * `input: { dates: ["x"] }` → `dates[0]`), or the argument itself (`asOf: "x"` → `asOf`). Found by
 * walking the document to the value that starts at `start`, so nesting and lists are named whole.
 */
export const fieldOfLiteral = (document: string, start: number): string | undefined => {
  let field: string | undefined;
  visit(parse(document), {
    enter(node, _key, parent, _path, ancestors) {
      if (node.loc?.start !== start || !VALUES.has(node.kind)) return undefined;
      field = pathOf([...ancestors, ...(parent ? [parent] : []), node]);
      return BREAK;
    },
  });
  return field;
};

/** The names and list places from the value's argument down to the value, printed as graphql-js prints a path. */
const pathOf = (line: ReadonlyArray<ASTNode | readonly ASTNode[]>): string | undefined => {
  const nodes = line.filter(isNode);
  const argument = nodes.findLastIndex((node) => node.kind === Kind.ARGUMENT);
  if (argument < 0) return undefined;
  let path = '';
  for (let i = argument + 1; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.kind === Kind.OBJECT_FIELD) path += `${path === '' ? '' : '.'}${node.name.value}`;
    if (node.kind === Kind.LIST) path += `[${(node.values as readonly ASTNode[]).indexOf(nodes[i + 1])}]`;
  }
  const name = (nodes[argument] as ASTNode & { kind: Kind.ARGUMENT }).name.value;
  return path === '' || path.startsWith('[') ? `${name}${path}` : path;
};
