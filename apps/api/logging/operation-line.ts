import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { loggedOperationName } from '../observability/operation-names.js';

/** The line each operation writes as it ends, over HTTP or graphql-ws: one query finds them all. */
export const OPERATION_ENDED = 'graphql operation';

/** One GraphQL operation as its log lines name it. Never its variables: they carry personal fields. */
export interface LoggedOperation {
  name: string | undefined;
  /** query, mutation, subscription, or unknown when it was refused before it was read. */
  type: string;
  /** The user id of the caller's token. */
  caller: string | null;
  correlationId: string | undefined;
  transport: 'http' | 'websocket';
}

/** OK, or the code of the first error the client was sent (already mapped by formatLedgerError). */
export const outcomeOf = (errors: readonly GraphQLFormattedError[] | undefined): string => {
  const code = errors?.[0]?.extensions?.code;
  return errors?.length ? (typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR') : 'OK';
};

/** What every line of an operation says. */
export const operationFields = (operation: LoggedOperation) => ({
  operation: loggedOperationName(operation.name),
  operationType: operation.type,
  caller: operation.caller,
  correlationId: operation.correlationId,
  transport: operation.transport,
});

/**
 * The fields of an operation's last line: how long it took and how it ended, with the rule of
 * the limit or cap that refused it (maxDepth, maxSubscriptionsPerSocket) as its reason.
 */
export const endedFields = (operation: LoggedOperation, seconds: number, errors: readonly GraphQLFormattedError[] | undefined) => {
  const rule = errors?.[0]?.extensions?.rule;
  return {
    ...operationFields(operation),
    durationMs: Math.round(seconds * 10_000) / 10,
    outcome: outcomeOf(errors),
    ...(typeof rule === 'string' ? { reason: rule } : {}),
  };
};

/** What failed inside: the first error's own message, under the GraphQL error wrapping it (never sent to the client). */
export const internalCauseOf = (errors: readonly GraphQLError[] | undefined): { message: string } | undefined => {
  let cause: unknown = errors?.[0];
  while (cause instanceof Error && 'originalError' in cause && cause.originalError) cause = cause.originalError;
  return cause instanceof Error ? { message: cause.message } : undefined;
};

/**
 * An operation's last line, over either transport: at error when it ended in an internal error,
 * with what failed inside beside its correlation id; one the store did not answer says why too
 * (refused, reset, timed out, shutting down), at info, as no error line is written for it.
 */
export const writeEnded = (log: Logger, fields: ReturnType<typeof endedFields>, cause: { message: string } | undefined): void => {
  if (fields.outcome === 'INTERNAL_SERVER_ERROR') log.error({ ...fields, err: cause }, OPERATION_ENDED);
  else if (fields.outcome === 'UNAVAILABLE' && cause) log.info({ ...fields, err: cause }, OPERATION_ENDED);
  else log.info(fields, OPERATION_ENDED);
};
