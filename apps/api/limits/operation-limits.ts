import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  OperationTypeNode,
  type ValidationContext,
  type ValidationRule,
  getOperationAST,
  getVariableValues,
  validate,
} from 'graphql';
import { CostsWithinLimit, costKeyOf } from './costs-within-limit.js';
import { queryCostRule } from './query-cost.js';
import { OPERATION_LIMITS, limitRefusal } from './limit-refusal.js';
import { mutationFieldRefusals, schemaIntrospectionsLimited } from './counted-fields.js';
import { widestObjectIn } from './variable-width.js';
import { introspectionShapeLimited } from './introspection-shape.js';

export { OPERATION_LIMITS } from './limit-refusal.js';

export interface OperationLimitOptions {
  /** False: `__schema` and `__type` are refused (GRAPHQL_INTROSPECTION=off). */
  introspection: boolean;
}

/** graphql-armor's rules report through this instead of throwing, which would end validation as a crash. */
const reportAs = (rule: string) => ({
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(limitRefusal(rule, error.message.replace(/^Syntax Error: /, ''))),
  ],
});

/** graphql-js's own rule, answering with the code and rule name of every other limit. */
const introspectionRefused: ValidationRule = (context) =>
  NoSchemaIntrospectionCustomRule(
    Object.create(context, {
      reportError: {
        value: () =>
          context.reportError(limitRefusal('introspection', 'Introspection is turned off on this server (GRAPHQL_INTROSPECTION=off)')),
      },
    }) as ValidationContext,
  );

const shapeRules = (options: OperationLimitOptions): ValidationRule[] => [
  maxDepthRule({ n: OPERATION_LIMITS.maxDepth, ignoreIntrospection: true, ...reportAs('queryDepth') }),
  introspectionShapeLimited,
  // Every alias counts: graphql-armor lets `__typename` be aliased without limit by default, so a
  // document of thousands of aliased __typename fields passed as if it had none.
  maxAliasesRule({ n: OPERATION_LIMITS.maxAliases, allowList: [], ...reportAs('maxAliases') }),
  maxDirectivesRule({ n: OPERATION_LIMITS.maxDirectives, ...reportAs('maxDirectives') }),
  schemaIntrospectionsLimited,
  ...(options.introspection ? [] : [introspectionRefused]),
];

const limitErrors = (errors: readonly GraphQLError[]): GraphQLError[] => errors.filter((error) => error.extensions.rule !== undefined);

/**
 * The limits a document's shape alone decides (depth, aliases, directives, introspection), kept
 * per parsed document: Apollo hands the same document object to every request sending the same
 * text, so these rules run once per text, and only the cost, which depends on the variables, runs
 * per request.
 */
const shapes = new WeakMap<DocumentNode, Map<boolean, GraphQLError[]>>();
const shapeRefusals = (schema: GraphQLSchema, document: DocumentNode, options: OperationLimitOptions): GraphQLError[] => {
  let known = shapes.get(document);
  if (!known) shapes.set(document, (known = new Map()));
  let refusals = known.get(options.introspection);
  if (!refusals) known.set(options.introspection, (refusals = limitErrors(validate(schema, document, shapeRules(options)))));
  return refusals;
};

/**
 * Every limit of an operation, as GraphQL validation rules run on a parsed, valid document
 * with its variables. Each transport calls this one function: HTTP (limits.plugin.ts) and
 * graphql-ws (graphql-ws.transport.ts), subscriptions included. Errors other rules report
 * (a variable of the wrong type) are left for execution to answer as usual.
 */
export const operationRefusals = (
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
  options: OperationLimitOptions,
): GraphQLError[] => {
  const shape = shapeRefusals(schema, document, options);
  if (shape.length > 0) return shape;
  const wide = widestObjectIn(variables);
  if (wide > OPERATION_LIMITS.maxVariableObjectKeys) {
    return [
      limitRefusal(
        'maxVariableObjectKeys',
        `An object in the variables holds ${wide} keys; at most ${OPERATION_LIMITS.maxVariableObjectKeys} are allowed (no input type has that many fields)`,
      ),
    ];
  }
  const operation = getOperationAST(document, operationName);
  // No operation to run (none named so, or several and no name): execution answers that.
  if (!operation) return [];
  const key = costKeyOf(variables, operationName);
  const costKnown = withinCost.has(document, key);
  // Only a mutation's fields and a cost not yet known need the variables coerced.
  if (costKnown && operation.operation !== OperationTypeNode.MUTATION) return [];
  // Coerced once, with an error limit (the cost rule's own coercion has none: 20,000 bad list items
  // took seconds); variables that do not fit are refused by execution before anything runs.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 50 });
  if (coerced.errors) return [];
  const mutations = mutationFieldRefusals(document, operation, coerced.coerced);
  if (mutations.length > 0 || costKnown) return mutations;
  const refusals = costRefusals(schema, document, variables, operationName);
  if (refusals.length === 0) withinCost.keep(document, key);
  return refusals;
};

const withinCost = new CostsWithinLimit();

const costRefusals = (
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
): GraphQLError[] => {
  // Estimated only with variables that fit (operationRefusals).
  const cost = queryCostRule(OPERATION_LIMITS.maxCost, variables ?? {}, operationName ?? undefined, (message) =>
    limitRefusal('queryComplexity', message),
  );
  try {
    return limitErrors(validate(schema, document, [cost]));
  } catch {
    // The cost rule stops, by throwing, after 10,000 fields: fragments spread many times over expand exponentially.
    return [
      limitRefusal(
        'queryComplexity',
        'The operation expands to too many fields to estimate its cost (fragments spread many times over); ask for less',
      ),
    ];
  }
};
