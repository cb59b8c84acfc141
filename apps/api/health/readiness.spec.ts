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
      { readiness: { storeTimeoutMs: 1_000 } } as OperationsConfig,
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

/** The probes are unauthenticated: however many come at once, the store is asked once per kind while it answers. */
describe('Readiness, probes that come together', () => {
  const counting = () => {
    const asked = { heads: 0, readModels: 0 };
    let answer = (): void => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const eventSourcing = {
      store: { name: 'sqlite', headPosition: async () => (asked.heads++, await answered, 7n) },
      readModels: {
        selectFrom: () => ({ select: () => ({ limit: () => ({ execute: async () => (asked.readModels++, await answered, []) }) }) }),
      },
      runner: { slowestPosition: () => 7n },
    } as unknown as EventSourcing;
    const config = { readiness: { storeTimeoutMs: 1_000, maxProjectionLag: 0 } } as OperationsConfig;
    return { asked, answer, readiness: new Readiness(new HealthIndicatorService(), eventSourcing, config, {} as Logger) };
  };

  it('share one read of the head and one query of the read models, and ask again once answered', async () => {
    const { asked, answer, readiness } = counting();
    const probes = [readiness.store(), readiness.projectionLag(), readiness.readModels(), readiness.store(), readiness.readModels()];
    answer();
    const results = await Promise.all(probes);
    expect(asked).toEqual({ heads: 1, readModels: 1 });
    expect(results[0]).toMatchObject({ store: { status: 'up', kind: 'sqlite', headPosition: '7' } });
    expect(results[1]).toMatchObject({ projectionLag: { status: 'up', lag: 0, maxLag: 0 } });
    await Promise.all([readiness.store(), readiness.readModels()]);
    expect(asked).toEqual({ heads: 2, readModels: 2 });
  });

  it("ask again once a query has run past the probes' timeout: one that hangs fails no later probe", async () => {
    let asked = 0;
    const eventSourcing = {
      store: { name: 'postgres', headPosition: () => (++asked === 1 ? new Promise<bigint>(() => undefined) : Promise.resolve(7n)) },
      runner: { slowestPosition: () => 7n },
    } as unknown as EventSourcing;
    const config = { readiness: { storeTimeoutMs: 50, maxProjectionLag: 0 } } as OperationsConfig;
    const readiness = new Readiness(new HealthIndicatorService(), eventSourcing, config, {} as Logger);
    expect(await readiness.store()).toMatchObject({ store: { status: 'down' } });
    await new Promise((resolve) => setTimeout(resolve, 10)); // past the timeout by the clock too, whatever a timer's rounding
    expect(await readiness.store()).toMatchObject({ store: { status: 'up', headPosition: '7' } });
    expect(asked).toBe(2);
  });
});

/** Whether anyone projects the read models newer code built: a lock that does not answer counts as held. */
describe('Readiness.projectionsLed', () => {
  const readinessAsking = (newerReadModelsNobodyProjects: () => Promise<readonly string[]>) =>
    new Readiness(
      new HealthIndicatorService(),
      { runner: { newerReadModelsNobodyProjects } } as unknown as EventSourcing,
      { readiness: { storeTimeoutMs: 100 } } as OperationsConfig,
      {} as Logger,
    );

  it('is up while the lock does not answer (a slow connect), and down naming the read models once it is seen free', async () => {
    const hanging = readinessAsking(() => new Promise(() => undefined));
    expect(await hanging.projectionsLed()).toMatchObject({ projectionsLed: { status: 'up', led: true } });
    const unled = readinessAsking(async () => ['requests']);
    expect(await unled.projectionsLed()).toMatchObject({
      projectionsLed: { status: 'down', message: expect.stringMatching(/^read models requests were built by newer code/) },
    });
  });
});
