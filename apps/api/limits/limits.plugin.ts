import type { ApolloServerPlugin } from '@apollo/server';
import { type OperationLimitOptions, operationRefusals } from './operation-limits.js';

/** HTTP's side of the operation limits: Apollo has parsed (within maxTokens) and validated the document. */
export const operationLimitsPlugin = (options: OperationLimitOptions): ApolloServerPlugin => ({
  requestDidStart: async () => ({
    didResolveOperation: async ({ schema, document, request }) => {
      const [refusal] = operationRefusals(schema, document, request.variables, request.operationName, options);
      if (refusal) throw refusal;
    },
  }),
});
