import { type ASTNode, BREAK, type DocumentNode, Kind, parse, visit } from 'graphql';

const isNode = (value: unknown): value is ASTNode => typeof value === 'object' && value !== null && 'kind' in value;

/**
 * Where a refusal of a written value points: a value of any kind (a variable is refused
 * elsewhere), or an input object's field the type does not have.
 */
export const POINTED_AT: ReadonlySet<Kind> = new Set<Kind>([
  Kind.STRING,
  Kind.INT,
  Kind.FLOAT,
  Kind.BOOLEAN,
  Kind.ENUM,
  Kind.NULL,
  Kind.LIST,
  Kind.OBJECT,
  Kind.OBJECT_FIELD,
]);

/**
 * The field a value written into a document was given for, named as a variable's refusal names it
 * (format-error.ts): the path within the argument's value (`filter: { from: "x" }` → `from`,
 * `input: { dates: ["x"] }` → `dates[0]`), or the argument itself (`asOf: "x"` → `asOf`); `inside`
 * names a field within that value (one left out). Found by walking the document to the value that
 * starts at `start`, so nesting and lists are named whole; undefined outside an argument.
 */
export const fieldOfLiteral = (document: string, start: number, inside?: string): string | undefined => {
  let field: string | undefined;
  visit(parsedOnce(document), {
    enter(node, _key, parent, _path, ancestors) {
      if (node.loc?.start !== start || !POINTED_AT.has(node.kind)) return undefined;
      const path = pathOf([...ancestors, ...(parent ? [parent] : []), node]);
      if (path) field = printed(inside === undefined ? path : { ...path, within: [...path.within, inside] });
      return BREAK;
    },
  });
  return field;
};

/**
 * The argument (or input field) a variable is given for, named as a value written there would be
 * (`asOf: $when` → `asOf`, `filter: { from: $from }` → `from`); undefined when it is given in
 * more than one place, or the document does not parse.
 */
export const fieldOfVariable = (document: string, variable: string): string | undefined => {
  const fields = new Set<string>();
  try {
    visit(parsedOnce(document), {
      Variable(node, _key, parent, _path, ancestors) {
        if (node.name.value !== variable || !isNode(parent)) return;
        const path = pathOf([...ancestors, parent, node]); // none in the variable's own definition
        if (path) fields.add(printed(path));
      },
    });
  } catch {
    return undefined;
  }
  return fields.size === 1 ? [...fields][0] : undefined;
};

/**
 * The last document parsed: a request refused for many values (up to graphql-js's 100 errors)
 * names each from one parse, not one per error.
 */
let last: { text: string; document: DocumentNode } | undefined;
const parsedOnce = (text: string): DocumentNode => {
  if (last?.text !== text) last = { text, document: parse(text) };
  return last.document;
};

interface ArgumentPath {
  argument: string;
  /** Field names and list places (`[1]`) from the argument's value down. */
  within: string[];
}

/** The names and list places from the value's argument down to the value. */
const pathOf = (line: ReadonlyArray<ASTNode | readonly ASTNode[]>): ArgumentPath | undefined => {
  const nodes = line.filter(isNode);
  const argument = nodes.findLastIndex((node) => node.kind === Kind.ARGUMENT);
  if (argument < 0) return undefined;
  const within: string[] = [];
  for (let i = argument + 1; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.kind === Kind.OBJECT_FIELD) within.push(node.name.value);
    if (node.kind === Kind.LIST && i + 1 < nodes.length) within.push(`[${(node.values as readonly ASTNode[]).indexOf(nodes[i + 1])}]`);
  }
  return { argument: (nodes[argument] as ASTNode & { kind: Kind.ARGUMENT }).name.value, within };
};

/** As graphql-js prints a path, within the argument's value when it has one (an input object's), else from the argument. */
const printed = ({ argument, within }: ArgumentPath): string => {
  const text = within.map((step, i) => (step.startsWith('[') || i === 0 ? step : `.${step}`)).join('');
  return text === '' || text.startsWith('[') ? `${argument}${text}` : text;
};
