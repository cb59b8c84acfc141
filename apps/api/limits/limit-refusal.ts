import { GraphQLError } from 'graphql';

/** The limits of one operation, the same over HTTP and graphql-ws. */
export const OPERATION_LIMITS = {
  /** Refused while parsing: alias floods, and nesting deep enough to exhaust the stack. */
  maxTokens: 10_000,
  /** Fields nested in fields, leaves included. */
  maxDepth: 10,
  /** Within `__schema` instead (introspection-shape.ts; `__type` keeps maxDepth): graphql-js's introspection query needs 21. */
  maxIntrospectionDepth: 24,
  /** Introspection's lists nested in one another: `types { fields { args`. */
  maxIntrospectionLists: 3,
  maxAliases: 15,
  maxDirectives: 50,
  /** `__schema` fields: the whole schema's introspection, answered without a token. */
  maxSchemaIntrospections: 1,
  /** Top-level fields of a mutation: each mutation in a request of its own (counted-fields.ts). */
  maxMutationFields: 1,
  /** Keys of one object in the variables: far more than any input type has fields (the widest, 11). */
  maxVariableObjectKeys: 100,
  /** See query-cost.ts. */
  maxCost: 25_000,
  /** Request bodies and WebSocket messages. */
  maxBytes: 1_048_576,
} as const;

/** A limit's refusal: a validation error naming the rule, answered before anything runs. */
export const limitRefusal = (rule: string, message: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', rule, http: { status: 400 } } });
