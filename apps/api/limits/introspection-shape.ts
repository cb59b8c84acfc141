import type { ASTNode, SelectionSetNode, ValidationRule } from 'graphql';
import { OPERATION_LIMITS, limitRefusal } from './limit-refusal.js';

/** Introspection fields that answer lists: nested in one another, each multiplies the answer. */
const LISTS = new Set(['types', 'fields', 'args', 'inputFields', 'interfaces', 'possibleTypes', 'enumValues', 'directives']);

interface Path {
  depth: number;
  lists: number;
  introspecting: boolean;
}

/**
 * The shape of introspection, apart from other fields' depth: graphql-js's own introspection
 * query (what codegen, Rover and GraphiQL send) nests `ofType` 9 times, past the depth of 10
 * every other field keeps, so depth alone would refuse every schema tool. What makes an
 * introspection answer large is lists inside lists (`fields { type { ofType { fields …`), not
 * `ofType` chains: a path may go 24 fields deep but hold at most 3 lists, as `types { fields
 * { args` does, so no document asks for more than the whole schema, give or take.
 */
export const introspectionShapeLimited: ValidationRule = (context) => {
  let refused = false;
  const refuse = (message: string): void => {
    if (!refused) context.reportError(limitRefusal('queryDepth', message));
    refused = true;
  };
  // A fragment walked once from a place (its depth and lists) gives the same answer from there
  // again: spread twice in each of twenty fragments, it is walked twenty times, not a million.
  const walked = new Set<string>();
  const walk = (set: SelectionSetNode, path: Path): void => {
    for (const selection of set.selections) {
      if (refused) return;
      if (selection.kind === 'FragmentSpread') {
        const place = `${selection.name.value} ${path.depth} ${path.lists} ${path.introspecting}`;
        if (walked.has(place)) continue;
        walked.add(place);
        const fragment = context.getFragment(selection.name.value);
        if (fragment) walk(fragment.selectionSet, path);
      } else if (selection.kind === 'InlineFragment') {
        walk(selection.selectionSet, path);
      } else {
        const name = selection.name.value;
        const introspecting = path.introspecting || name === '__schema' || name === '__type';
        // Only the root's __schema and __type hold introspection: other fields are the depth rule's.
        if (!introspecting) continue;
        const next = { depth: path.depth + 1, lists: path.lists + (LISTS.has(name) ? 1 : 0), introspecting };
        if (next.depth > OPERATION_LIMITS.maxIntrospectionDepth) {
          refuse(`Introspection depth limit of ${OPERATION_LIMITS.maxIntrospectionDepth} exceeded`);
        } else if (next.lists > OPERATION_LIMITS.maxIntrospectionLists) {
          refuse(`Introspection may nest at most ${OPERATION_LIMITS.maxIntrospectionLists} lists (types, fields, args …) in one another`);
        } else if (selection.selectionSet) walk(selection.selectionSet, next);
      }
    }
  };
  return {
    OperationDefinition(operation: ASTNode) {
      if (operation.kind === 'OperationDefinition') walk(operation.selectionSet, { depth: 0, lists: 0, introspecting: false });
    },
  };
};
