import { type GraphQLError, type ValidationRule, getNullableType, isListType } from 'graphql';
import { type ComplexityEstimator, createComplexityRule, fieldExtensionsEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '@cf/ledger';

/** A list asked for without `first` is costed as this many items, the size a resolver gives. */
const DEFAULT_PAGE = 50;

/**
 * A list that takes no `first` (a commitment's requests, a request's commitments, a project's
 * members) is costed as this many items. Such lists link entities to each other, so they nest in
 * cycles (requests → commitments → requests …): costed as one item each, a few levels of them
 * under one page would pass as cheap and make millions of objects.
 */
export const UNPAGED_LIST_ITEMS = 20;

/**
 * Every field costs one per item of the lists above it; `first` sizes a list (a field that
 * takes `first` but gets none counts DEFAULT_PAGE items), a list without `first` counts
 * UNPAGED_LIST_ITEMS, and a connection's `edges` are the page its `first` sized. Expensive fields
 * say their own cost in the schema (`complexity` on the resolver), read by the field-extensions
 * estimator first.
 */
const pageSized: ComplexityEstimator = ({ args, field, childComplexity }) => {
  if (field.args.some((argument) => argument.name === 'first')) {
    return 1 + childComplexity * (typeof args.first === 'number' ? Math.min(Math.max(args.first, 1), MAX_PAGE_SIZE) : DEFAULT_PAGE);
  }
  const unpagedList = isListType(getNullableType(field.type)) && field.name !== 'edges';
  return 1 + childComplexity * (unpagedList ? UNPAGED_LIST_ITEMS : 1);
};

/**
 * The estimated cost of the operation with its variables, refused past `maximum`. The rule
 * needs the variables (`first: $first`), so it is made per operation.
 */
export const queryCostRule = (
  maximum: number,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  refuse: (message: string) => GraphQLError,
): ValidationRule =>
  createComplexityRule({
    maximumComplexity: maximum,
    variables,
    operationName,
    estimators: [fieldExtensionsEstimator(), pageSized],
    createError: (max, actual) => refuse(`The operation would cost ${actual}; at most ${max} is allowed (ask for fewer items with first)`),
  });
