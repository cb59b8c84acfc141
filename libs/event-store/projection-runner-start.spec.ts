import { added, runnerPerCase } from './projection-runner.spec-fixtures.js';

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
});
