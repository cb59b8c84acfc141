import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule, Kind, type SelectionSetNode } from 'graphql';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COMPLEXITY = 5_000;

const depthOf = (selectionSet: SelectionSetNode | undefined, context: ValidationContext, seen = new Set<string>()): number => {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, context, seen) : 0);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, context, seen));
    } else if (!seen.has(selection.name.value)) {
      const fragment = context.getFragment(selection.name.value);
      deepest = Math.max(deepest, depthOf(fragment?.selectionSet, context, new Set([...seen, selection.name.value])));
    }
  }
  return deepest;
};

/** Refuses operations nested deeper than MAX_QUERY_DEPTH levels of objects. */
export const depthLimit: ValidationRule = (context): ASTVisitor => ({
  OperationDefinition(node) {
    const depth = depthOf(node.selectionSet, context);
    if (depth > MAX_QUERY_DEPTH) {
      context.reportError(new GraphQLError(`The operation is nested ${depth} levels deep; at most ${MAX_QUERY_DEPTH} are allowed`, { nodes: [node], extensions: { code: 'BAD_USER_INPUT', rule: 'queryDepth' } }));
    }
  },
});

export const operationLimits: ValidationRule[] = [depthLimit];
