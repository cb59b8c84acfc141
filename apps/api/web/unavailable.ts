import type { ServerResponse } from 'node:http';

/**
 * 503 with a GraphQL error UNAVAILABLE: nothing was done, and Retry-After says when to send it
 * again (here or elsewhere). The one shape of every refusal of a service that cannot serve yet or any more.
 */
export const answerUnavailable = (
  response: ServerResponse,
  message: string,
  retryAfterSeconds: number,
  headers: Record<string, string> = {},
): void => {
  response.writeHead(503, { 'content-type': 'application/json', 'retry-after': String(retryAfterSeconds), ...headers });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code: 'UNAVAILABLE' } }] }));
};
