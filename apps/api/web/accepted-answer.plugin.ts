import type { ApolloServerPlugin } from '@apollo/server';
import { type LedgerRequest, answeredAsAccepted } from '@cf/ledger';

/** HTTP's side of answeredAsAccepted: the whole answer, once its fields have all been resolved. */
export const acceptedAnswer: ApolloServerPlugin<{ req?: LedgerRequest }> = {
  requestDidStart: async () => ({
    willSendResponse: async ({ response, contextValue, operation }) => {
      if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
      const result = response.body.singleResult;
      result.errors = answeredAsAccepted(result.errors, contextValue.req?.caller, operation?.operation === 'mutation');
    },
  }),
};
