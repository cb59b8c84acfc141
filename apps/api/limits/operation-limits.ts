import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule, Kind, type SelectionSetNode } from 'graphql';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COMPLEXITY = 5_000;

/**
 * Depth of a selection set. Each fragment's depth is computed once (memo): a document whose
 * fragments spread each other several times over would otherwise cost exponential time.
 */
const depthOf = (selectionSet: SelectionSetNode | undefined, context: ValidationContext, memo: Map<string, number>, visiting = new Set<string>()): number => {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, context, memo, visiting) : 0);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, context, memo, visiting));
    } else {
      deepest = Math.max(deepest, fragmentDepth(selection.name.value, context, memo, visiting));
    }
  }
  return deepest;
};

/** A cycle counts 0 here: NoFragmentCyclesRule reports it. */
const fragmentDepth = (name: string, context: ValidationContext, memo: Map<string, number>, visiting: Set<string>): number => {
  const known = memo.get(name);
  if (known !== undefined) return known;
  if (visiting.has(name)) return 0;
  visiting.add(name);
  const depth = depthOf(context.getFragment(name)?.selectionSet, context, memo, visiting);
  visiting.delete(name);
  memo.set(name, depth);
  return depth;
};

/** Refuses operations nested deeper than MAX_QUERY_DEPTH levels of objects. */
export const depthLimit: ValidationRule = (context): ASTVisitor => ({
  OperationDefinition(node) {
    const depth = depthOf(node.selectionSet, context, new Map());
    if (depth > MAX_QUERY_DEPTH) {
      context.reportError(new GraphQLError(`The operation is nested ${depth} levels deep; at most ${MAX_QUERY_DEPTH} are allowed`, { nodes: [node], extensions: { code: 'BAD_USER_INPUT', rule: 'queryDepth' } }));
    }
  },
});

export const operationLimits: ValidationRule[] = [depthLimit];
