import { IdempotencyKeyUsed, WrongLastIndex } from '../append-refusals.js';
import { verifyStreamChain } from '../chain-verification.js';
import { GENESIS_HASH, chainHash } from '../hash-chain.js';
import { type ContractContext, anEvent } from './contract-context.js';

export const appendContract = ({ store }: ContractContext): void => {
  it('appends a batch and returns its last index in the stream and the global position', async () => {
    const result = await store().append('thing-1', [anEvent(), anEvent()], { expectedLastIndex: 'no_stream' });
    expect(result.lastIndex).toBe(1);
    expect(result.position).toBe(await store().headPosition());
    const next = await store().append('thing-1', [anEvent()], { expectedLastIndex: 1 });
    expect(next.lastIndex).toBe(2);
    expect(next.position > result.position).toBe(true);
  });

  it('appends a batch of any size whole: every event in order and at a later position than the one before, the chain unbroken', async () => {
    let expected: number | 'no_stream' = 'no_stream';
    for (const size of [1, 3, 7, 64, 100, 130]) {
      const before = await store().headPosition();
      const result = await store().append(
        'thing-many',
        Array.from({ length: size }, (_, n) => anEvent('Counted', { size, n })),
        {
          expectedLastIndex: expected,
        },
      );
      const appended = (await store().readAll({ after: before, limit: 500 })).filter((event) => event.data.size === size);
      expect(appended.map((event) => event.data.n)).toEqual(Array.from({ length: size }, (_, n) => n));
      expect(appended.map((event) => event.indexInStream)).toEqual(
        appended.map((_, n) => (expected === 'no_stream' ? 0 : expected + 1) + n),
      );
      expect(appended.every((event, n) => n === 0 || event.position > appended[n - 1].position)).toBe(true);
      expect(appended.at(-1)?.position).toBe(result.position);
      expected = result.lastIndex;
    }
    expect(verifyStreamChain(await store().readStream('thing-many', { raw: true }))).toBeNull();
  });

  it('refuses a wrong expected last index and appends nothing', async () => {
    await store().append('thing-1', [anEvent()], { expectedLastIndex: 'no_stream' });
    await expect(store().append('thing-1', [anEvent()], { expectedLastIndex: 'no_stream' })).rejects.toBeInstanceOf(WrongLastIndex);
    await expect(store().append('thing-1', [anEvent()], { expectedLastIndex: 5 })).rejects.toMatchObject({ actual: 0 });
    await expect(store().append('thing-2', [anEvent()], { expectedLastIndex: 0 })).rejects.toMatchObject({ actual: -1 });
    expect(await store().lastIndexOf('thing-1')).toBe(0);
    expect(await store().lastIndexOf('thing-2')).toBe(-1);
  });

  it('refuses an append whose decision rested on another stream that has moved since, naming it', async () => {
    await store().append('project-1', [anEvent()], { expectedLastIndex: 'no_stream' });
    const unmoved = [{ stream: 'project-1', lastIndex: 0 }];
    await store().append('budget-1', [anEvent()], { expectedLastIndex: 'no_stream', unmoved });
    await store().append('project-1', [anEvent('MemberRemoved')], { expectedLastIndex: 0 });
    await expect(store().append('budget-1', [anEvent('Approved')], { expectedLastIndex: 0, unmoved })).rejects.toMatchObject({
      stream: 'project-1',
      actual: 1,
    });
    await expect(
      store().append('budget-1', [anEvent('Approved')], { expectedLastIndex: 0, unmoved: [{ stream: 'project-2', lastIndex: 0 }] }),
    ).rejects.toMatchObject({ stream: 'project-2', actual: -1 });
    expect((await store().readStream('budget-1')).map((e) => e.type)).toEqual(['ThingHappened']);
    await store().append('budget-1', [anEvent('Approved')], { expectedLastIndex: 0, unmoved: [{ stream: 'project-1', lastIndex: 1 }] });
    expect(await store().lastIndexOf('budget-1')).toBe(1);
  });

  it('lets exactly one of two concurrent appends with the same expected last index win', async () => {
    await store().append('race-1', [anEvent()], { expectedLastIndex: 'no_stream' });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () => store().append('race-1', [anEvent('Raced')], { expectedLastIndex: 0 })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect((await store().readStream('race-1')).map((e) => e.type)).toEqual(['ThingHappened', 'Raced']);
  });

  it('accepts any last index with "any"', async () => {
    await store().append('thing-1', [anEvent()], { expectedLastIndex: 'any' });
    const result = await store().append('thing-1', [anEvent()], { expectedLastIndex: 'any' });
    expect(result.lastIndex).toBe(1);
  });

  it('writes a failing batch not at all', async () => {
    const poisoned = anEvent('Poisoned', { self: 1n as unknown as number });
    await expect(store().append('thing-1', [anEvent(), poisoned], { expectedLastIndex: 'no_stream' })).rejects.toThrow();
    expect(await store().readStream('thing-1')).toEqual([]);
    expect(await store().headPosition()).toBe(0n);
  });

  it('keeps the result of an idempotency key with the append, and refuses the key twice', async () => {
    const idempotency = { userId: 'u-1', key: 'k-1' };
    const first = await store().append('thing-1', [anEvent(), anEvent()], { expectedLastIndex: 'no_stream', idempotency });
    expect(await store().findIdempotentResult('u-1', 'k-1')).toEqual({ stream: 'thing-1', ...first });
    expect(await store().findIdempotentResult('u-2', 'k-1')).toBeUndefined();
    await expect(store().append('thing-2', [anEvent()], { expectedLastIndex: 'no_stream', idempotency })).rejects.toBeInstanceOf(
      IdempotencyKeyUsed,
    );
    expect(await store().readStream('thing-2')).toEqual([]);
  });

  it('chains every event of a stream to the one before it by SHA-256', async () => {
    const [first, second] = [anEvent('A', { n: 1 }), anEvent('B', { n: 2 })];
    await store().append('thing-1', [first, second], { expectedLastIndex: 'no_stream' });
    const [a, b] = await store().readStream('thing-1');
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(a.hash).toBe(chainHash({ ...first, schemaVersion: 1 }, GENESIS_HASH));
    expect(b.prevHash).toBe(a.hash);
    expect(b.hash).toBe(chainHash({ ...second, schemaVersion: 1 }, a.hash));
  });

  it('hashes any text the way chainHash does: escapes, accents, emoji, keys in any order', async () => {
    const odd = anEvent('Said "so"', { z: 'Zürich \\ "quoted"\n\t ✓ 😀 \u2028', a: [{ y: null, b: 1.5e-7 }, 'ü'], '10': true, '9': -0 });
    await store().append('thing-1', [odd, anEvent()], { expectedLastIndex: 'no_stream' });
    const [a, b] = await store().readStream('thing-1', { raw: true });
    expect(a.data).toEqual(JSON.parse(JSON.stringify(odd.data)));
    expect(a.hash).toBe(chainHash({ ...odd, schemaVersion: 1 }, GENESIS_HASH));
    expect(b.prevHash).toBe(a.hash);
  });

  it('never lets a reader see a position behind its cursor while many writers append', async () => {
    const writers = Array.from({ length: 40 }, (_, i) =>
      store().append(`w-${i % 10}`, [anEvent('W', { i })], { expectedLastIndex: 'any' }),
    );
    let cursor = 0n;
    const seen: bigint[] = [];
    const done = Promise.all(writers);
    let finished = false;
    void done.then(() => (finished = true));
    while (!finished || cursor < (await store().headPosition())) {
      for (const event of await store().readAll({ after: cursor, limit: 7 })) {
        expect(event.position > cursor).toBe(true);
        cursor = event.position;
        seen.push(event.position);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await done;
    expect(seen).toHaveLength(40);
  });
};
