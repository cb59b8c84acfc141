import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { GraphQLAnswer } from './portal-harness.js';

/** What one operation over graphql-ws ended with: its results, or the socket's close. */
export interface WebSocketAnswer extends Omit<GraphQLAnswer, 'status'> {
  /** Every `next` payload (a subscription may send several). */
  results: GraphQLAnswer[];
  /** Set when the server closed the socket instead of answering. */
  closed?: { code: number; reason: string };
}

/**
 * Sends one document over graphql-ws on a socket of its own, as the portal's subscription
 * client would, and waits for `complete`, an `error` message, the socket's close, or, for a
 * subscription, `untilResults` results.
 */
export const overWebSocket = async (
  graphqlUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  untilResults = 1,
): Promise<WebSocketAnswer> => {
  const client = createClient({
    url: graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
  const results: GraphQLAnswer[] = [];
  try {
    return await new Promise<WebSocketAnswer>((resolve) => {
      const done = (extra: Partial<WebSocketAnswer> = {}) => resolve({ ...results.at(-1), results, ...extra });
      client.subscribe({ query, variables }, {
        next: (value) => {
          results.push(value as GraphQLAnswer);
          if (results.length >= untilResults) done();
        },
        error: (error) => {
          if (Array.isArray(error)) done({ errors: error as GraphQLAnswer['errors'] });
          else {
            const close = error as { code?: number; reason?: string };
            done({ closed: { code: close.code ?? 0, reason: close.reason ?? String(error) } });
          }
        },
        complete: () => done(),
      });
    });
  } finally {
    await client.dispose();
  }
};
