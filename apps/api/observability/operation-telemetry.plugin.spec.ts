import type { Logger } from 'pino';
import { OperationTelemetryPlugin } from './operation-telemetry.plugin.js';

/** The operations log names each operation as sent; only the metrics' labels are capped. */
describe('OperationTelemetryPlugin', () => {
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
});
