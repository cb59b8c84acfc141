import {
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

/**
 * The response keys an operation's top selection yields, through fragments, as graphql-js collects
 * them for execution: one per key (a field repeated under one key is merged), none that `@skip` or
 * `@include` leave out with these (coerced) variables, `__typename` aside (it changes nothing). On
 * a root type every type condition that passed validation is that root type itself, so only the
 * directives decide whether a selection counts.
 */
export const topLevelFields = (
  operation: OperationDefinitionNode,
  fragments: FragmentsByName,
  variables: Readonly<Record<string, unknown>>,
): Set<string> => {
  const keys = new Set<string>();
  collect(operation.selectionSet, { fragments, variables, spread: new Set() }, keys);
  keys.delete('__typename');
  return keys;
};

interface Collecting {
  fragments: FragmentsByName;
  variables: Readonly<Record<string, unknown>>;
  spread: Set<string>;
}

const collect = (selections: SelectionSetNode, collecting: Collecting, keys: Set<string>): void => {
  for (const selection of selections.selections) {
    if (!included(selection, collecting.variables)) continue;
    if (selection.kind === Kind.FIELD) keys.add(selection.alias?.value ?? selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, collecting, keys);
    else if (!collecting.spread.has(selection.name.value)) {
      collecting.spread.add(selection.name.value);
      const fragment = collecting.fragments[selection.name.value];
      if (fragment) collect(fragment.selectionSet, collecting, keys);
    }
  }
};

const included = (node: SelectionNode, variables: Readonly<Record<string, unknown>>): boolean =>
  getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true &&
  getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
