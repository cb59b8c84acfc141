import {
  type GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type ValidationRule,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
} from 'graphql';
import { type ComplexityEstimator, createComplexityRule, fieldExtensionsEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '@cf/ledger';

/** A list asked for without `first` is costed as this many items, the size a resolver gives. */
const DEFAULT_PAGE = 50;

/**
 * A list that takes no `first` whose items list their parent back (a commitment's requests: a
 * request lists its commitments, which list their requests …) is costed as this many items: such
 * lists nest in cycles, and costed as one item each, a few levels of them under one page would
 * pass as cheap and make millions of objects. Any other list without `first` (a requirement's
 * revisions) costs one item, as a field does: it leads nowhere back.
 */
export const LINKED_LIST_ITEMS = 20;

const listOf = (field: GraphQLField<unknown, unknown>): GraphQLNamedType | undefined =>
  isListType(getNullableType(field.type)) ? getNamedType(field.type) : undefined;

/** The fields (`Type.field`) that list objects whose own lists lead back to the type, per schema. */
const linkedLists = new WeakMap<GraphQLSchema, Set<string>>();
const isLinkedList = (schema: GraphQLSchema, parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): boolean => {
  let linked = linkedLists.get(schema);
  if (!linked) linkedLists.set(schema, (linked = listsLinkingBack(schema)));
  return linked.has(`${parent.name}.${field.name}`);
};

const listsLinkingBack = (schema: GraphQLSchema): Set<string> => {
  const linked = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const item = listOf(field);
      if (!isObjectType(item)) continue;
      if (Object.values(item.getFields()).some((back) => listOf(back)?.name === type.name)) linked.add(`${type.name}.${field.name}`);
    }
  }
  return linked;
};

/**
 * Every field costs one per item of the lists above it; `first` sizes a list (a field that
 * takes `first` but gets none counts DEFAULT_PAGE items), a list without `first` whose items list
 * their parent back counts LINKED_LIST_ITEMS (a connection's `edges` do not: the page its `first`
 * sized).
 * Expensive fields say their own cost in the schema (`complexity` on the resolver), read by the
 * field-extensions estimator first.
 */
const costOf =
  (schema: GraphQLSchema): ComplexityEstimator =>
  ({ args, field, type, childComplexity }) => {
    if (field.args.some((argument) => argument.name === 'first')) {
      return 1 + childComplexity * (typeof args.first === 'number' ? Math.min(Math.max(args.first, 1), MAX_PAGE_SIZE) : DEFAULT_PAGE);
    }
    return 1 + childComplexity * (isLinkedList(schema, type, field) ? LINKED_LIST_ITEMS : 1);
  };

/**
 * The estimated cost of the operation with its variables, refused past `maximum`. The rule
 * needs the variables (`first: $first`), so it is made per operation.
 */
export const queryCostRule =
  (
    maximum: number,
    variables: Record<string, unknown>,
    operationName: string | undefined,
    refuse: (message: string) => GraphQLError,
  ): ValidationRule =>
  (context) =>
    createComplexityRule({
      maximumComplexity: maximum,
      variables,
      operationName,
      estimators: [fieldExtensionsEstimator(), costOf(context.getSchema())],
      createError: (max, actual) =>
        refuse(
          `The operation would cost ${actual}; at most ${max} is allowed (ask for fewer items with first, or nest fewer linked lists)`,
        ),
    })(context);
