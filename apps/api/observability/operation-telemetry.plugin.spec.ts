import { jest } from '@jest/globals';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { OperationTelemetryPlugin } from './operation-telemetry.plugin.js';
import { answeredAtDrainEnd } from '../shutdown/left-at-drain-end.js';

/** An operation's end as Apollo hands it over: the errors sent (formatted) and those raised (raw). */
const ended = (sent: object[], raised: GraphQLError[]) =>
  ({
    response: { body: { kind: 'single', singleResult: { errors: sent } } },
    errors: raised,
    operation: { operation: 'mutation', name: { value: 'MakeCommitment' } },
    request: {},
    contextValue: { req: { headers: { 'x-correlation-id': 'lost-answer-1' }, caller: { actor: { userId: 'maria' } } } },
  }) as never;

describe('OperationTelemetryPlugin', () => {
  // The operations log names each operation as sent; only the metrics' labels are capped.
  it('logs the 201st distinct operation name as sent, not as "other"', async () => {
    const logged: Record<string, unknown>[] = [];
    const log = { info: (fields: Record<string, unknown>) => void logged.push(fields) } as unknown as Logger;
    const plugin = new OperationTelemetryPlugin(log);
    for (let i = 0; i < 201; i++) {
      const name = `Op${i}`;
      const listener = await plugin.requestDidStart({ contextValue: {} });
      const request = {
        operation: { operation: 'query', name: { value: name } },
        request: { operationName: name },
        response: { body: { kind: 'single', singleResult: {} } },
        contextValue: {},
      };
      await listener.willSendResponse!(request as never);
    }
    expect(logged.at(-1)).toMatchObject({ operation: 'Op200', operationType: 'query', outcome: 'OK' });
  });

  it("writes an internal error's operation line at error, with its cause and the correlation id", async () => {
    const log = { info: jest.fn(), error: jest.fn() };
    const plugin = new OperationTelemetryPlugin(log as unknown as Logger);
    const contextValue = { req: { headers: { 'x-correlation-id': 'lost-answer-1' } } } as never;
    const listener = await plugin.requestDidStart({ contextValue });
    const cause = new Error('Connection terminated unexpectedly');
    await listener.willSendResponse!(
      ended(
        [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        [new GraphQLError('x', { originalError: cause })],
      ),
    );
    expect(log.info).not.toHaveBeenCalled();
    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({
        outcome: 'INTERNAL_SERVER_ERROR',
        correlationId: 'lost-answer-1',
        err: { message: 'Connection terminated unexpectedly' },
      }),
      'graphql operation',
    );
  });

  it("writes a request answered at a stop's drain end with that answer's code, at warn, and how its work ended after", async () => {
    const log = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
    const plugin = new OperationTelemetryPlugin(log as unknown as Logger);
    const answered = { message: 'The service is stopping…', extensions: { code: 'UNAVAILABLE', inDoubt: true } };
    const finished = ended(
      [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      [new GraphQLError('x', { originalError: new Error('driver has already been destroyed') })],
    ) as { contextValue: { req: object } };
    answeredAtDrainEnd.set(finished.contextValue.req, answered);
    const listener = await plugin.requestDidStart({ contextValue: finished.contextValue as never });
    await listener.willSendResponse!(finished as never);
    expect(log.error).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith(
      expect.objectContaining({ outcome: 'UNAVAILABLE', workEnded: 'FAILED', err: { message: 'driver has already been destroyed' } }),
      'graphql operation',
    );
  });

  it('writes any other outcome at info', async () => {
    const log = { info: jest.fn(), error: jest.fn() };
    const listener = await new OperationTelemetryPlugin(log as unknown as Logger).requestDidStart({ contextValue: {} as never });
    await listener.willSendResponse!(ended([{ message: 'No', extensions: { code: 'NOT_FOUND' } }], []));
    expect(log.error).not.toHaveBeenCalled();
    expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'NOT_FOUND' }), 'graphql operation');
  });
});
