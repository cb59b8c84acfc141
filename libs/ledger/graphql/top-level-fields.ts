import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/** The fragments of a document by name, as graphql-js hands them to resolvers (`info.fragments`). */
export type FragmentsByName = Readonly<Record<string, FragmentDefinitionNode>>;

/** A document's fragments by name, for callers that hold the document rather than a resolver's `info`. */
export const fragmentsOf = (document: DocumentNode): FragmentsByName =>
  Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));

/**
 * The fields an operation's top selection runs, through fragments, as graphql-js collects them for
 * execution: one per response key (a field repeated under one key is merged), none that `@skip` or
 * `@include` leave out with these (coerced) variables, `__typename` aside (it changes nothing). On
 * a root type every type condition that passed validation is that root type itself, so only the
 * directives decide whether a selection counts.
 */
export const topLevelFields = (
  operation: OperationDefinitionNode,
  fragments: FragmentsByName,
  variables: Readonly<Record<string, unknown>>,
): FieldNode[] => {
  const byKey = new Map<string, FieldNode>();
  collect(operation.selectionSet, { fragments, variables, spread: new Set() }, byKey);
  return [...byKey.values()].filter((field) => field.name.value !== '__typename');
};

interface Collecting {
  fragments: FragmentsByName;
  variables: Readonly<Record<string, unknown>>;
  spread: Set<string>;
}

const collect = (selections: SelectionSetNode, collecting: Collecting, byKey: Map<string, FieldNode>): void => {
  for (const selection of selections.selections) {
    if (!included(selection, collecting.variables)) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      if (!byKey.has(key)) byKey.set(key, selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, collecting, byKey);
    else if (!collecting.spread.has(selection.name.value)) {
      collecting.spread.add(selection.name.value);
      const fragment = collecting.fragments[selection.name.value];
      if (fragment) collect(fragment.selectionSet, collecting, byKey);
    }
  }
};

const included = (node: SelectionNode, variables: Readonly<Record<string, unknown>>): boolean =>
  getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true &&
  getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
