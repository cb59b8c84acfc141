import { jest } from '@jest/globals';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { totals } from './projection.spec-fixtures.js';
import { added, runnerPerCase } from './projection-runner.spec-fixtures.js';
import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store.js';
import { ReadModelsAheadOfLog } from './read-models-ahead.js';

/** A leader's start: it catches up in the background, and says when its read models are current. */
describe('ProjectionRunner.start', () => {
  const each = runnerPerCase();
  let { store, runner } = each;
  beforeEach(async () => {
    ({ store, runner } = each);
    for (let i = 1; i <= 20; i++) await store.append('s-1', [added(i)], { expectedLastIndex: 'any' });
  });

  it('resolves once the whole log is applied, and only then says it has caught up', async () => {
    const started = runner.start();
    expect(runner.hasCaughtUp()).toBe(false);
    await started;
    expect(runner.hasCaughtUp()).toBe(true);
    expect(runner.status()).toEqual([{ name: 'totals', position: 20n }]);
    await expect(runner.whenCaughtUp()).resolves.toBeUndefined();
  });

  it('is cut short at a page by a stop, not caught up, and the next start goes on from there', async () => {
    const readAll = store.readAll.bind(store);
    let stopped: Promise<void> | undefined;
    store.readAll = async (options) => {
      const page = await readAll(options);
      stopped ??= runner.stop(); // a signal during the first page
      return page;
    };
    await runner.start(); // settles with the stop
    await stopped;
    expect(runner.hasCaughtUp()).toBe(false);
    expect(runner.status()).toEqual([{ name: 'totals', position: 7n }]);
    await runner.start();
    expect(runner.hasCaughtUp()).toBe(true);
    expect(runner.status()).toEqual([{ name: 'totals', position: 20n }]);
  });

  it('lets a writer waiting during a pending stop catch up itself: only the background loop is cut short', async () => {
    let release: (moved: boolean) => void = () => undefined;
    const held = new Promise<boolean>((resolve) => (release = resolve));
    store.waitForEvents = () => held; // the loop stays in its wait for new events
    await runner.start();
    const stopping = runner.stop();
    const { position } = await store.append('s-1', [added(21)], { expectedLastIndex: 'any' });
    expect(await runner.waitFor(position, 1_000)).toBe(true);
    expect(runner.status()).toEqual([{ name: 'totals', position }]);
    release(false);
    await stopping;
  });

  it('runs one loop at a time: a start during a pending stop begins once the stopped loop has ended, and keeps the lead', async () => {
    let release: (moved: boolean) => void = () => undefined;
    const held = new Promise<boolean>((resolve) => (release = resolve));
    let waiting = 0;
    let most = 0;
    store.waitForEvents = async (_after, timeoutMs) => {
      most = Math.max(most, ++waiting);
      const moved =
        waiting === 1 && most === 1 ? held : new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs / 50));
      return moved.finally(() => (waiting -= 1));
    };
    await runner.start();
    const stopping = runner.stop();
    const restarted = runner.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(most).toBe(1);
    release(false);
    await stopping;
    await restarted;
    expect(runner.isLeading()).toBe(true);
    const { position } = await store.append('s-1', [added(21)], { expectedLastIndex: 'any' });
    expect(await runner.waitFor(position, 1_000)).toBe(true);
    expect(most).toBe(1);
  });

  it('settles a start stopped before it caught up, and a start made during that stop only once it has caught up', async () => {
    const readAll = store.readAll.bind(store);
    // On a timer, so that a second loop, behind the head, could not keep the timers from firing.
    store.waitForEvents = () => new Promise((resolve) => setTimeout(() => resolve(false), 10));
    let stopping: Promise<void> | undefined;
    let restarted: Promise<void> | undefined;
    store.readAll = async (options) => {
      const page = await readAll(options);
      if (!stopping) {
        stopping = runner.stop(); // a signal during the first page, and a start before the stop has ended
        restarted = runner.start();
      }
      return page;
    };
    await runner.start();
    expect(runner.hasCaughtUp()).toBe(false);
    await stopping;
    await restarted;
    expect(runner.hasCaughtUp()).toBe(true);
    expect(runner.status()).toEqual([{ name: 'totals', position: 20n }]);
  });

  it('tells whoever waits why catching up keeps failing, tries on, and is caught up once a pass succeeds', async () => {
    let refusing = true;
    const refusingThirteen: Projection = {
      ...totals,
      project: async (rows, event) => {
        if (refusing && event.data.amount === 13) throw new Error('13 refused');
        await totals.project(rows, event);
      },
    };
    const retries = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = new ProjectionRunner(store, each.db, [refusingThirteen], 7);
    await failing.migrate();
    await expect(failing.start()).rejects.toThrow('13 refused');
    await expect(failing.whenCaughtUp()).rejects.toThrow('13 refused');
    expect(failing.hasCaughtUp()).toBe(false);
    let atLast = false;
    const caughtUpAtLast = failing.whenCaughtUpAtLast().then(() => (atLast = failing.hasCaughtUp()));
    refusing = false;
    while (!failing.hasCaughtUp()) await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(failing.whenCaughtUp()).resolves.toBeUndefined();
    await caughtUpAtLast;
    expect(atLast).toBe(true);
    expect(failing.status()).toEqual([{ name: 'totals', position: 20n }]);
    await failing.stop();
    expect(retries).toHaveBeenCalledTimes(3);
    retries.mockRestore();
  });

  it('neither applies nor serves read models ahead of the log (an older log restored), and says why until they are rebuilt', async () => {
    await runner.start(); // the read models reach 20
    await runner.stop();
    const older = new SqliteEventStore({ file: ':memory:' });
    for (let i = 1; i <= 5; i++) await older.append('s-1', [added(i)], { expectedLastIndex: 'any' });
    const retries = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const restored = new ProjectionRunner(older, each.db, [totals], 7);
    try {
      await restored.migrate();
      await expect(restored.start()).rejects.toThrow(ReadModelsAheadOfLog);
      expect(restored.hasCaughtUp()).toBe(false);
      expect(restored.failure()?.message).toMatch(/ahead of the event log \(totals at 20; its last event is at 5\).*cli rebuild/);
      expect(restored.status()).toEqual([{ name: 'totals', position: 20n }]); // kept, not rebuilt on its own
      // An instance that follows another's lead (PostgreSQL) neither serves them: it would answer every write as applied.
      const follower = new ProjectionRunner(older, each.db, [totals], 7, {
        acquire: async () => false,
        release: async () => undefined,
        isFree: async () => false,
      });
      await follower.migrate();
      await expect(follower.start()).rejects.toThrow(ReadModelsAheadOfLog);
      expect(follower.hasCaughtUp()).toBe(false);
      await follower.stop();
      await restored.stop();
      await restored.reset('totals'); // as cli rebuild does
      await restored.start();
      expect(restored.status()).toEqual([{ name: 'totals', position: 5n }]);
      expect(restored.failure()).toBeUndefined();
    } finally {
      await restored.stop();
      await older.close();
      retries.mockRestore();
    }
  });
});
