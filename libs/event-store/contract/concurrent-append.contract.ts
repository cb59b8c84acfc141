import { type AppendResult } from '../event-store.js';
import { IdempotencyKeyUsed, WrongLastIndex } from '../append-refusals.js';
import { GENESIS_HASH, chainHash } from '../hash-chain.js';
import { type ContractContext, anEvent } from './contract-context.js';

const winnerAndLoser = (outcomes: Array<PromiseSettledResult<AppendResult>>): [AppendResult, unknown] => {
  const won = outcomes.filter((o): o is PromiseFulfilledResult<AppendResult> => o.status === 'fulfilled');
  const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  expect([won.length, lost.length]).toEqual([1, 1]);
  return [won[0].value, lost[0].reason];
};

/**
 * Appends that are in flight together — which a store may send to the database as one call —
 * still each get the outcome they would get alone, whatever order the store takes them in.
 */
export const concurrentAppendContract = ({ store }: ContractContext): void => {
  it('gives each of many concurrent appends its own outcome: same and other streams, expected last indexes, idempotency keys', async () => {
    await store().append('shared', [anEvent()], { expectedLastIndex: 'no_stream' });
    await store().append('behind', [anEvent(), anEvent(), anEvent()], { expectedLastIndex: 'no_stream' });
    const key = { userId: 'u-1', key: 'once' };
    const appended = [anEvent('M', { n: 1 }), anEvent('M', { n: 2 }), anEvent('M', { n: 3 })];
    const outcomes = await Promise.allSettled([
      store().append('shared', [anEvent('Won')], { expectedLastIndex: 0 }),
      store().append('shared', [anEvent('Won')], { expectedLastIndex: 0 }),
      store().append('behind', [anEvent()], { expectedLastIndex: 5 }),
      store().append('absent', [anEvent()], { expectedLastIndex: 0 }),
      store().append('keyed-1', [anEvent()], { expectedLastIndex: 'no_stream', idempotency: key }),
      store().append('keyed-2', [anEvent()], { expectedLastIndex: 'no_stream', idempotency: key }),
      store().append('many', appended.slice(0, 2), { expectedLastIndex: 'any' }),
      store().append('many', appended.slice(2), { expectedLastIndex: 'any' }),
      store().append('new', [anEvent()], { expectedLastIndex: 'no_stream' }),
    ]);

    const [, lostRace] = winnerAndLoser(outcomes.slice(0, 2));
    expect(lostRace).toBeInstanceOf(WrongLastIndex);
    expect(lostRace).toMatchObject({ stream: 'shared', actual: 1 });
    expect((await store().readStream('shared')).map((e) => e.type)).toEqual(['ThingHappened', 'Won']);
    expect(outcomes[2]).toMatchObject({ status: 'rejected', reason: { stream: 'behind', actual: 2 } });
    expect(outcomes[3]).toMatchObject({ status: 'rejected', reason: { stream: 'absent', actual: -1 } });

    const [keyed, usedKey] = winnerAndLoser(outcomes.slice(4, 6));
    expect(usedKey).toBeInstanceOf(IdempotencyKeyUsed);
    const keyedStream = outcomes[4].status === 'fulfilled' ? 'keyed-1' : 'keyed-2';
    expect(await store().findIdempotentResult('u-1', 'once')).toEqual({ stream: keyedStream, ...keyed });
    expect(await store().readStream(keyedStream === 'keyed-1' ? 'keyed-2' : 'keyed-1')).toEqual([]);

    expect(outcomes.slice(6).map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const many = await store().readStream('many', { raw: true });
    const inOrder = many[0].data.n === 1 ? appended : [appended[2], ...appended.slice(0, 2)];
    let prevHash = GENESIS_HASH;
    for (const [i, event] of many.entries()) {
      expect(event).toMatchObject({ indexInStream: i, prevHash, hash: chainHash({ ...inOrder[i], schemaVersion: 1 }, prevHash) });
      prevHash = event.hash;
    }

    const byPosition = new Map((await store().readAll({ after: 0n, limit: 100 })).map((e) => [e.position, e]));
    const streams = ['shared', 'shared', '', '', 'keyed-1', 'keyed-2', 'many', 'many', 'new'];
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled')
        expect(byPosition.get(outcome.value.position)).toMatchObject({ stream: streams[i], indexInStream: outcome.value.lastIndex });
    });
  });
};
