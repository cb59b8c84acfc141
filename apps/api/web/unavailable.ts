import type { ServerResponse } from 'node:http';

/**
 * Answers refused so by the service itself (stopping, catching up): by design, not a failure, so
 * their log lines are warnings; an alert on errors would otherwise fire at every deploy.
 */
export const refusedAsUnavailable = new WeakSet<ServerResponse>();

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
  refusedAsUnavailable.add(response);
  response.writeHead(503, { 'content-type': 'application/json', 'retry-after': String(retryAfterSeconds), ...headers });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code: 'UNAVAILABLE' } }] }));
};
