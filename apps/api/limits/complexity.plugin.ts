import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';

export const MAX_QUERY_COMPLEXITY = 25_000;
const DEFAULT_PAGE = 50;

interface CostContext {
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Each fragment's cost at multiplier 1, computed once: cost is linear in the multiplier. */
  fragmentCosts: Map<string, number>;
  visiting: Set<string>;
}

const pageOf = (value: ValueNode | undefined, context: CostContext): number => {
  if (!value) return 1;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const given = context.variables[value.name.value];
    return typeof given === 'number' ? given : DEFAULT_PAGE;
  }
  return DEFAULT_PAGE;
};

/** Every field costs 1 for each item of the lists above it; `first` sizes a list. */
const costOf = (selectionSet: SelectionSetNode | undefined, context: CostContext, multiplier: number, depth = 0): number => {
  if (!selectionSet || depth > 30) return 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const first = selection.arguments?.find((a) => a.name.value === 'first')?.value;
      cost += multiplier + costOf(selection.selectionSet, context, multiplier * Math.max(pageOf(first, context), 1), depth + 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      cost += costOf(selection.selectionSet, context, multiplier, depth + 1);
    } else {
      cost += multiplier * fragmentCost(selection.name.value, context, depth + 1);
    }
  }
  return cost;
};

/** Memoized: fragments that spread each other many times over would otherwise cost exponential time. */
const fragmentCost = (name: string, context: CostContext, depth: number): number => {
  const known = context.fragmentCosts.get(name);
  if (known !== undefined) return known;
  if (context.visiting.has(name)) return 0; // a cycle: validation refuses it
  context.visiting.add(name);
  const cost = costOf(context.fragments.get(name)?.selectionSet, context, 1, depth);
  context.visiting.delete(name);
  context.fragmentCosts.set(name, cost);
  return cost;
};

/** Refuses an operation whose estimated cost (with its variables) passes MAX_QUERY_COMPLEXITY. */
export const complexityLimitPlugin: ApolloServerPlugin = {
  requestDidStart: async () => ({
    didResolveOperation: async ({ document, operation, request }) => {
      const fragments = new Map(
        document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
      );
      if (!operation) return;
      const cost = costOf(operation.selectionSet, { fragments, variables: request.variables ?? {}, fragmentCosts: new Map(), visiting: new Set() }, 1);
      if (cost > MAX_QUERY_COMPLEXITY) {
        throw new GraphQLError(`The operation would cost ${cost}; at most ${MAX_QUERY_COMPLEXITY} is allowed (ask for fewer items with first)`, {
          extensions: { code: 'BAD_USER_INPUT', rule: 'queryComplexity', http: { status: 400 } },
        });
      }
    },
  }),
};
