import { HealthIndicatorService } from '@nestjs/terminus';
import type { Logger } from 'pino';
import { ReadModelsAheadOfLog } from '@cf/event-store';
import type { EventSourcing } from '@cf/ledger';
import type { OperationsConfig } from '../observability/operations-config.js';
import { Readiness } from './readiness.js';

/** What the public readiness probe says of a catch-up that cannot go on: our own words only, never a driver's. */
describe('Readiness.caughtUp', () => {
  const readinessFailing = (failure: Error) =>
    new Readiness(
      new HealthIndicatorService(),
      { runner: { hasCaughtUp: () => false, failure: () => failure, slowestPosition: () => 0n } } as unknown as EventSourcing,
      {} as OperationsConfig,
      {} as Logger,
    );
  const messageOf = async (readiness: Readiness) => {
    const result = (await readiness.caughtUp()) as { caughtUp: { status: string; message?: string } };
    return result.caughtUp;
  };

  it('names read models ahead of the log, as its own error says', async () => {
    const ahead = new ReadModelsAheadOfLog(5n, [['audit', 9n]]);
    expect(await messageOf(readinessFailing(ahead))).toMatchObject({
      status: 'down',
      message: `the read models cannot catch up with the log: ${ahead.message}`,
    });
  });

  it("keeps any other error's message (hosts, users, tables) to the operations log", async () => {
    const driver = new Error('connect ECONNREFUSED db.internal:5432 for user ledger_owner');
    const { message } = await messageOf(readinessFailing(driver));
    expect(message).toBe(
      'the read models cannot catch up with the log: the projections stopped on an error, which the operations log names',
    );
  });
});
