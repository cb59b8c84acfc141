import { HeadWatcher } from './head-watcher.js';

describe('HeadWatcher', () => {
  it('wakes a reader on an append in this process without asking the store for its head again', async () => {
    let head = 4n;
    let asked = 0;
    const watcher = new HeadWatcher(() => {
      asked += 1;
      return Promise.resolve(head);
    }, 10_000);
    const waiting = watcher.waitBeyond(4n, 5_000);
    await new Promise((resolve) => setImmediate(resolve));
    head = 5n;
    watcher.notify(5n);
    expect(await waiting).toBe(true);
    expect(asked).toBe(1);
    expect(await watcher.waitBeyond(4n, 5_000)).toBe(true);
    expect(asked).toBe(1);
  });

  it('asks the store when woken without a position, and polls for appends of other processes', async () => {
    let head = 1n;
    const watcher = new HeadWatcher(() => Promise.resolve(head), 5);
    expect(await watcher.waitBeyond(1n, 20)).toBe(false);
    const waiting = watcher.waitBeyond(1n, 5_000);
    head = 2n;
    expect(await waiting).toBe(true);
    head = 3n;
    const woken = watcher.waitBeyond(2n, 5_000);
    watcher.notify();
    expect(await woken).toBe(true);
  });
});
