import { CloseCode } from 'graphql-ws';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { OPERATION_ENDED } from './operation-line.js';
import { WebSocketOperationsLog } from './websocket-operations.js';

const subscription = { kind: 'OperationDefinition', operation: 'subscription', name: { kind: 'Name', value: 'Activity' } } as never;

/** A log that keeps each operation's last line with its level, and one socket with one live subscription on it. */
const liveSubscription = () => {
  const ended: Record<string, unknown>[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) =>
    void (message === OPERATION_ENDED && ended.push({ level, ...fields }));
  const log = { info: at('info'), error: at('error') };
  const operations = new WebSocketOperationsLog(log as unknown as Logger);
  const socket = {};
  const payload = { operationName: 'Activity' };
  operations.received(socket, payload, subscription, performance.now());
  operations.started(socket, payload, 'c-1');
  return { operations, socket, payload, ended };
};

describe('operations over graphql-ws ended by their socket', () => {
  it('end OK when the client closed the socket', () => {
    const { operations, socket, ended } = liveSubscription();
    operations.closed(socket, 1000); // a normal closure (RFC 6455)
    expect(ended).toMatchObject([{ level: 'info', operation: 'Activity', correlationId: 'c-1', transport: 'websocket', outcome: 'OK' }]);
  });

  it('end on an internal error when graphql-ws closed the socket because handling a message threw', () => {
    const { operations, socket, ended } = liveSubscription();
    operations.closed(socket, CloseCode.InternalServerError);
    expect(ended).toMatchObject([{ level: 'error', operation: 'Activity', correlationId: 'c-1', outcome: 'INTERNAL_SERVER_ERROR' }]);
    operations.closed(socket, CloseCode.InternalServerError);
    expect(ended).toHaveLength(1);
  });

  it('write an internal error at error, with what failed inside beside the correlation id, as over HTTP', () => {
    const { operations, socket, payload, ended } = liveSubscription();
    const raised = [new GraphQLError('x', { originalError: new Error('Connection terminated unexpectedly') })];
    operations.answered(socket, payload, [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], raised);
    operations.ended(socket, payload);
    expect(ended).toMatchObject([
      { level: 'error', correlationId: 'c-1', outcome: 'INTERNAL_SERVER_ERROR', err: { message: 'Connection terminated unexpectedly' } },
    ]);
  });
});
