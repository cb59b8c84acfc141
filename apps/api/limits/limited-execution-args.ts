import { type ExecutionArgs, GraphQLError, getOperationAST, getVariableValues, parse, specifiedRules, validate } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { OPERATION_LIMITS, operationRefusals } from './operation-limits.js';

/** The codes Apollo gives the same failures over HTTP; `nodes` keep a failure's place in the document. */
const requestError = (code: string, message: string, nodes?: GraphQLError['nodes']): GraphQLError =>
  new GraphQLError(message, { nodes, extensions: { code } });

/** A refusal as HTTP answers it: Apollo reads `extensions.http` for the status and leaves it out of the answer. */
const asAnswered = (error: GraphQLError): GraphQLError => {
  const { http: _status, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { nodes: error.nodes, extensions });
};

/**
 * graphql-ws at /graphql with the limits HTTP has: messages of at most maxBytes, documents of at
 * most maxTokens, then the same validation and the same operationRefusals before anything runs.
 */
export const limitedExecutionArgs = (
  schema: ExecutionArgs['schema'],
  payload: SubscribePayload,
  introspection: boolean,
): ExecutionArgs | GraphQLError[] => {
  let document;
  try {
    document = parse(payload.query, { maxTokens: OPERATION_LIMITS.maxTokens });
  } catch (error) {
    // With its place in the document, as Apollo answers it over HTTP.
    if (error instanceof GraphQLError)
      return [
        new GraphQLError(error.message, { source: error.source, positions: error.positions, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
      ];
    return [requestError('GRAPHQL_PARSE_FAILED', 'The document could not be parsed: it is too large or nested too deeply')];
  }
  const invalid = validate(schema, document, specifiedRules);
  // Kept with its place in the document: a refused literal is named by the field it was written for.
  if (invalid.length > 0) return invalid.map((error) => requestError('GRAPHQL_VALIDATION_FAILED', error.message, error.nodes));
  const refusals = operationRefusals(schema, document, payload.variables, payload.operationName, { introspection });
  // The first, as HTTP throws it (limits.plugin.ts): a rule that refused several fields is one refusal.
  if (refusals.length > 0) return [asAnswered(refusals[0])];
  // Variables are coerced here, as Apollo does for HTTP, so their errors are BAD_USER_INPUT like there.
  const operation = getOperationAST(document, payload.operationName);
  const coerced = operation && getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {}, { maxErrors: 50 });
  // With their place too: a variable is named by the argument it is given for.
  if (coerced?.errors) return coerced.errors.map((error) => requestError('BAD_USER_INPUT', error.message, error.nodes));
  return { schema, document, variableValues: payload.variables, operationName: payload.operationName };
};
