import type { ASTNode, FragmentDefinitionNode, SelectionSetNode, ValidationRule } from 'graphql';
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
  const fragments = new Map<string, FragmentDefinitionNode>();
  let refused = false;
  const refuse = (message: string): void => {
    if (!refused) context.reportError(limitRefusal('queryDepth', message));
    refused = true;
  };
  const walk = (set: SelectionSetNode, path: Path, spread: ReadonlySet<string>): void => {
    for (const selection of set.selections) {
      if (refused) return;
      if (selection.kind === 'FragmentSpread') {
        const fragment = fragments.get(selection.name.value) ?? context.getFragment(selection.name.value);
        if (fragment && !spread.has(fragment.name.value)) walk(fragment.selectionSet, path, new Set([...spread, fragment.name.value]));
      } else if (selection.kind === 'InlineFragment') {
        walk(selection.selectionSet, path, spread);
      } else {
        const name = selection.name.value;
        const introspecting = path.introspecting || name === '__schema' || name === '__type';
        const next = { depth: path.depth + 1, lists: path.lists + (introspecting && LISTS.has(name) ? 1 : 0), introspecting };
        if (introspecting && next.depth > OPERATION_LIMITS.maxIntrospectionDepth) {
          refuse(`Introspection depth limit of ${OPERATION_LIMITS.maxIntrospectionDepth} exceeded`);
        } else if (next.lists > OPERATION_LIMITS.maxIntrospectionLists) {
          refuse(`Introspection may nest at most ${OPERATION_LIMITS.maxIntrospectionLists} lists (types, fields, args …) in one another`);
        } else if (selection.selectionSet) walk(selection.selectionSet, next, spread);
      }
    }
  };
  return {
    OperationDefinition(operation: ASTNode) {
      if (operation.kind === 'OperationDefinition') walk(operation.selectionSet, { depth: 0, lists: 0, introspecting: false }, new Set());
    },
  };
};
