import type { GraphQLError, GraphQLFormattedError, OperationDefinitionNode } from 'graphql';
import { CloseCode } from 'graphql-ws';
import type { Logger } from 'pino';
import { type LedgerRequest, acceptedCorrelationId } from '@cf/ledger';
import { type LoggedOperation, endedFields, internalCauseOf, operationFields, writeEnded } from './operation-line.js';

/** graphql-ws's record of one socket. */
type Socket = object;

/** A subscribe message's payload: graphql-ws hands the same object to every hook of its operation. */
interface Payload {
  operationName?: string | null;
  extensions?: Record<string, unknown> | null;
}

interface Running extends LoggedOperation {
  receivedAt: number;
  started: boolean;
  errors?: readonly GraphQLFormattedError[];
  /** What failed inside, when it ended in an internal error (never sent to the client). */
  cause?: { message: string };
}

const CLOSED_ON_INTERNAL_ERROR: GraphQLFormattedError = {
  message: 'the socket was closed on an internal error',
  extensions: { code: 'INTERNAL_SERVER_ERROR' },
};

/**
 * The operations sent over graphql-ws, in the log as HTTP's are (operation-line.ts): one line as
 * each starts, for a subscription may run for hours, and one as it ends, with its duration and
 * outcome. One refused before it ran (a limit, a subscription cap) writes only the last.
 */
export class WebSocketOperationsLog {
  private readonly bySocket = new WeakMap<Socket, Map<Payload, Running>>();

  constructor(private readonly log: Logger) {}

  /** A subscribe message arrived at `receivedAt`; `operation` is the one it names, when its document could be read. */
  received(socket: Socket, payload: Payload, operation: OperationDefinitionNode | null | undefined, receivedAt: number): void {
    const running = this.bySocket.get(socket) ?? new Map<Payload, Running>();
    this.bySocket.set(socket, running);
    running.set(payload, {
      name: operation?.name?.value ?? payload.operationName ?? undefined,
      type: operation?.operation ?? 'unknown',
      // onConnect put the caller's request there: a subscribe comes only on an acknowledged socket.
      caller: (socket as { req?: LedgerRequest }).req?.caller?.actor.userId ?? null,
      correlationId: undefined,
      transport: 'websocket',
      receivedAt,
      started: false,
    });
  }

  /** It runs now, under the correlation id its context was given. */
  started(socket: Socket, payload: Payload, correlationId: string): void {
    const operation = this.bySocket.get(socket)?.get(payload);
    if (!operation) return;
    Object.assign(operation, { correlationId, started: true });
    this.log.info(operationFields(operation), 'graphql operation started');
  }

  /** Errors the client was sent: the first names the outcome. One refused before it ran ends with them. */
  answered(socket: Socket, payload: Payload, errors: readonly GraphQLFormattedError[] | undefined, raised?: readonly GraphQLError[]): void {
    const operation = this.bySocket.get(socket)?.get(payload);
    if (!operation || !errors?.length) return;
    operation.errors ??= errors;
    operation.cause ??= internalCauseOf(raised);
    // graphql-ws completes only what it ran: a refused one has no other end.
    if (!operation.started) this.ended(socket, payload);
  }

  /** It completed, failed, or the client stopped it. */
  ended(socket: Socket, payload: Payload): void {
    const running = this.bySocket.get(socket);
    const operation = running?.get(payload);
    if (!running || !operation) return;
    running.delete(payload);
    // A refused one never had a context: its id is the one the client sent, as over HTTP, or a new one.
    operation.correlationId ??= acceptedCorrelationId(payload.extensions?.correlationId);
    const seconds = (performance.now() - operation.receivedAt) / 1000;
    writeEnded(this.log, endedFields(operation, seconds, operation.errors), operation.cause);
  }

  /**
   * The socket closed: what still ran on it ended with it, whether or not graphql-ws completes it.
   * graphql-ws closes it with 4500 when handling a message threw (it logs the error itself): what
   * ran then ended on that error, not OK.
   */
  closed(socket: Socket, code?: number): void {
    const running = this.bySocket.get(socket);
    for (const [payload, operation] of running ?? []) {
      if (code === CloseCode.InternalServerError) operation.errors ??= [CLOSED_ON_INTERNAL_ERROR];
      this.ended(socket, payload);
    }
    this.bySocket.delete(socket);
  }
}
