import type { ServerResponse } from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '@cf/core';
import { type LedgerRequest, acceptedAt } from '@cf/ledger';

/**
 * The error each request left at the drain's end was answered with: its operation's log line and
 * metrics say what its client got, not how its work ended after (a store closed under it).
 */
export const answeredAtDrainEnd = new WeakMap<object, GraphQLFormattedError>();

/**
 * What a request still being carried out when the drain ends is told, instead of a cut connection
 * after which its sender cannot tell whether its mutation was stored: where its command was
 * accepted, when it was (NOT_YET_READABLE, as a slow read model answers); else that a mutation may
 * yet be recorded (its command may be waiting on the store, and append as the service closes it),
 * so its sender reads before sending it again, or sends it with the same idempotency key.
 */
export const answerLeftAtDrainEnd = (response: ServerResponse, drainMs: number): void => {
  if (response.headersSent) return; // its answer is being written: the rest of it is cut
  const position = acceptedAt((response.req as unknown as LedgerRequest).caller);
  const error =
    position === undefined
      ? {
          message: `The service is stopping and did not carry this request out within ${drainMs / 1000} s; a mutation may still be recorded: read before sending it again, or send it again with the same idempotencyKey`,
          extensions: { code: 'UNAVAILABLE', inDoubt: true },
        }
      : {
          message: DomainError.notYetReadable(position, 'its answer').message,
          extensions: { code: 'NOT_YET_READABLE', position: String(position) },
        };
  answeredAtDrainEnd.set(response.req, error);
  response.writeHead(503, { 'content-type': 'application/json', connection: 'close' });
  response.end(JSON.stringify({ errors: [error] }));
  // The GraphQL server answers it too when its work ends: those writes find it answered and go nowhere,
  // instead of throwing (headers sent) or failing the stream (a write after its end) as the process stops.
  const answered = () => response;
  Object.assign(response, { setHeader: answered, writeHead: answered, write: () => true, end: answered });
};
