import type { ApolloServerPlugin } from '@apollo/server';

/**
 * An answer holding a rate-limit refusal says over HTTP too when to send again (RFC 9110
 * Retry-After, as a 503 while catching up does): clients and proxies that back off read the header,
 * not the GraphQL errors. The longest wait among the refused fields is the one that holds.
 */
export const retryAfterRateLimit: ApolloServerPlugin = {
  requestDidStart: async () => ({
    willSendResponse: async ({ response }) => {
      const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
      const waits = errors
        .filter((error) => error.extensions?.code === 'RATE_LIMITED')
        .map((error) => error.extensions?.retryAfterSeconds)
        .filter((seconds): seconds is number => typeof seconds === 'number');
      if (waits.length > 0) response.http.headers.set('retry-after', String(Math.max(1, ...waits)));
    },
  }),
};
