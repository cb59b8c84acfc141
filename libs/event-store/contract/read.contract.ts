import { Upcasters } from '../upcasting.js';
import { type ContractContext, anEvent } from './contract-context.js';

export const readContract = ({ store, target, use }: ContractContext): void => {
  it('reads all streams in global order, in pages', async () => {
    for (let i = 0; i < 25; i++) {
      await store().append(`s-${i % 3}`, [anEvent('N', { i })], { expectedLastIndex: 'any' });
    }
    const pages: number[][] = [];
    let after = 0n;
    for (;;) {
      const page = await store().readAll({ after, limit: 10 });
      if (page.length === 0) break;
      pages.push(page.map((e) => e.data.i as number));
      after = page[page.length - 1].position;
    }
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('reads a stream from an index on, for a fold that has seen the rest', async () => {
    await store().append('thing-1', [anEvent('A'), anEvent('B'), anEvent('C')], { expectedLastIndex: 'no_stream' });
    expect((await store().readStream('thing-1', { fromIndex: 1 })).map((e) => [e.type, e.indexInStream])).toEqual([
      ['B', 1],
      ['C', 2],
    ]);
    expect(await store().readStream('thing-1', { fromIndex: 3 })).toEqual([]);
    expect(await store().readStream('nothing-here', { fromIndex: 2 })).toEqual([]);
  });

  it('round-trips metadata, unicode and large payloads exactly', async () => {
    const text = 'Zoë said „ja" — 東京 🚀 '.repeat(20_000);
    const event = anEvent('Big', { text, nested: { list: [1, 2.5, null, true], empty: {} } });
    event.metadata = { ...event.metadata, causationId: 'cause-1', idempotencyKey: 'k', actor: { userId: 'ü', name: 'Jürgen 👷' } };
    await store().append('thing-1', [event], { expectedLastIndex: 'no_stream' });
    const [read] = await store().readStream('thing-1');
    expect(read.data).toEqual(event.data);
    expect(read.metadata).toEqual(event.metadata);
    expect(read.indexInStream).toBe(0);
    expect(read.stream).toBe('thing-1');
  });

  it('upcasts old schema versions on read and never rewrites them', async () => {
    await store().append('thing-1', [{ ...anEvent('Renamed', { fullName: 'Ada Lovelace' }), schemaVersion: 1 }], {
      expectedLastIndex: 'no_stream',
    });
    const upcasters = new Upcasters([
      { type: 'Renamed', fromVersion: 1, upcast: (d) => ({ name: d.fullName }) },
      { type: 'Renamed', fromVersion: 2, upcast: (d) => ({ ...d, title: null }) },
    ]);
    const reopened = await target.reopen(store(), upcasters);
    use(reopened);
    const [read] = await reopened.readStream('thing-1');
    expect(read).toMatchObject({ schemaVersion: 3, data: { name: 'Ada Lovelace', title: null } });
    const [fromAll] = await reopened.readAll({ after: 0n, limit: 10 });
    expect(fromAll.data).toEqual({ name: 'Ada Lovelace', title: null });
    await reopened.append('thing-1', [anEvent('Renamed', { name: 'Grace' })], { expectedLastIndex: 0 });
    expect((await reopened.readStream('thing-1'))[1].schemaVersion).toBe(3);
  });

  it('keeps everything when the store is reopened', async () => {
    await store().append('thing-1', [anEvent('A'), anEvent('B')], { expectedLastIndex: 'no_stream' });
    await store().append('thing-2', [anEvent('C')], { expectedLastIndex: 'no_stream', idempotency: { userId: 'u', key: 'k' } });
    const before = await store().readAll({ after: 0n, limit: 100 });
    const reopened = await target.reopen(store());
    use(reopened);
    expect(await reopened.readAll({ after: 0n, limit: 100 })).toEqual(before);
    expect(await reopened.findIdempotentResult('u', 'k')).toMatchObject({ stream: 'thing-2', lastIndex: 0 });
    expect(await reopened.lastIndexOf('thing-1')).toBe(1);
  });

  it('wakes a waiting reader when an event arrives, and times out when none does', async () => {
    const head = await store().headPosition();
    expect(await store().waitForEvents(head, 50)).toBe(false);
    const waiting = store().waitForEvents(head, 5_000);
    await store().append('thing-1', [anEvent()], { expectedLastIndex: 'any' });
    expect(await waiting).toBe(true);
  });
};
