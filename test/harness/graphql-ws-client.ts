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
      client.subscribe(
        { query, variables },
        {
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
        },
      );
    });
  } finally {
    await client.dispose();
  }
};

/**
 * Sends a subscribe message whose payload is `payloadJson` as written (a hostile body exactly
 * as it would go over HTTP), by the graphql-transport-ws protocol on a raw socket.
 */
export const rawOverWebSocket = (graphqlUrl: string, payloadJson: string, token: string): Promise<WebSocketAnswer> =>
  new Promise((resolve) => {
    const socket = new WebSocket(graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const results: GraphQLAnswer[] = [];
    const finish = (extra: Partial<WebSocketAnswer> = {}) => {
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.close();
      resolve({ ...results.at(-1), results, ...extra });
    };
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; payload?: unknown };
      if (message.type === 'connection_ack') socket.send(`{"id":"1","type":"subscribe","payload":${payloadJson}}`);
      else if (message.type === 'next') {
        results.push(message.payload as GraphQLAnswer);
        finish();
      } else if (message.type === 'error') finish({ errors: message.payload as GraphQLAnswer['errors'] });
      else if (message.type === 'complete') finish();
    });
    socket.on('close', (code, reason) => finish({ closed: { code, reason: String(reason) } }));
    socket.on('error', (error) => finish({ closed: { code: 0, reason: error.message } }));
  });
