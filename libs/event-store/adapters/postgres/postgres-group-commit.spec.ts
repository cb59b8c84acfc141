import { jest } from '@jest/globals';
import pg from 'pg';
import { anEvent } from '../../contract/event-store.contract.js';
import { type AppendOptions, type NewEvent } from '../../event-store.js';
import { IdempotencyKeyUsed, WrongLastIndex } from '../../append-refusals.js';
import { GENESIS_HASH, chainHash } from '../../hash-chain.js';
import { PostgresEventStore } from './postgres-event-store.js';

const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const probe = new pg.Client({ connectionString: URL_, connectionTimeoutMillis: 3_000 });
const reachable = await probe.connect().then(
  () => true,
  (error: Error) => {
    console.warn(`PostgreSQL group commit test NOT RUN: cannot reach ${URL_}: ${error.message}`);
    return false;
  },
);
await probe.end().catch(() => undefined);
const describeIfReachable = reachable || process.env.CI === 'true' ? describe : describe.skip;

describeIfReachable('PostgreSQL group commit', () => {
  const schema = `cf_group_commit_${process.pid}`;
  let store: PostgresEventStore;
  beforeEach(async () => {
    store = new PostgresEventStore({ connectionString: URL_, schema });
    await store.headPosition();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await store.close();
    const client = new pg.Client({ connectionString: URL_ });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  /** Appends all at once, behind one that is sent first: the rest wait for it and go as one group. */
  const behindOne = (appends: Array<[string, NewEvent[], AppendOptions]>) => {
    const calls = jest.spyOn(pg.Pool.prototype, 'query');
    const first = store.append('first', [anEvent()], { expectedLastIndex: 'no_stream' });
    const outcomes = Promise.allSettled(appends.map(([stream, events, options]) => store.append(stream, events, options)));
    const appendCalls = () => calls.mock.calls.filter(([text]) => /append_(to_stream|batch|if_unmoved)/.test(String(text))).length;
    return { first, outcomes, appendCalls };
  };

  it('sends an append that rests on another stream on its own, never in a group, with the outcome it would have alone', async () => {
    await store.append('project-1', [anEvent(), anEvent()], { expectedLastIndex: 'no_stream' });
    const group = behindOne([
      ['a', [anEvent()], { expectedLastIndex: 'any' }],
      ['budget-1', [anEvent()], { expectedLastIndex: 'no_stream', unmoved: [{ stream: 'project-1', lastIndex: 0 }] }],
      ['budget-2', [anEvent()], { expectedLastIndex: 'no_stream', unmoved: [{ stream: 'project-1', lastIndex: 1 }] }],
      ['b', [anEvent()], { expectedLastIndex: 'no_stream' }],
    ]);
    await group.first;
    const [a, moved, unmoved, b] = await group.outcomes;
    expect([a.status, unmoved.status, b.status]).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(moved).toMatchObject({ status: 'rejected', reason: { stream: 'project-1', actual: 1 } });
    expect(await store.lastIndexOf('budget-1')).toBe(-1);
    expect(group.appendCalls()).toBe(4); // the first, the group of two, and each that rests on another stream
  });

  it('keeps a failure of an append resting on another stream its own: the group is neither failed nor sent again', async () => {
    const query = pg.Pool.prototype.query as (...args: unknown[]) => Promise<unknown>;
    jest.spyOn(pg.Pool.prototype, 'query').mockImplementation(function (this: pg.Pool, ...args: unknown[]) {
      if (/append_if_unmoved/.test(String(args[0])))
        return Promise.reject(new pg.DatabaseError('canceling statement due to statement timeout', 0, 'error'));
      return query.apply(this, args);
    } as never);
    const group = behindOne([
      ['log', [anEvent()], { expectedLastIndex: 'any' }],
      ['budget-1', [anEvent()], { expectedLastIndex: 'no_stream', unmoved: [{ stream: 'project-1', lastIndex: -1 }] }],
      ['thing', [anEvent()], { expectedLastIndex: 'no_stream' }],
    ]);
    await group.first;
    const [log, resting, thing] = await group.outcomes;
    expect([log.status, resting.status, thing.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect([await store.lastIndexOf('log'), await store.lastIndexOf('thing'), await store.lastIndexOf('budget-1')]).toEqual([0, 0, -1]);
  });

  it('sends the appends that wait behind one in flight as one call, each with the outcome it would have alone', async () => {
    const [a, b, c] = [anEvent('A'), anEvent('B'), anEvent('C')];
    const group = behindOne([
      ['chained', [a], { expectedLastIndex: 'no_stream' }],
      ['chained', [b, c], { expectedLastIndex: 0 }],
      ['chained', [anEvent('Late')], { expectedLastIndex: 0 }],
      ['keyed-1', [anEvent()], { expectedLastIndex: 'no_stream', idempotency: { userId: 'u', key: 'k' } }],
      ['keyed-2', [anEvent()], { expectedLastIndex: 'no_stream', idempotency: { userId: 'u', key: 'k' } }],
      ['absent', [anEvent()], { expectedLastIndex: 3 }],
    ]);
    await group.first;
    const outcomes = await group.outcomes;
    expect(group.appendCalls()).toBe(2);

    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : o.reason))).toEqual([
      { lastIndex: 0, position: 2n },
      { lastIndex: 2, position: 4n },
      new WrongLastIndex('chained', 0, 2),
      { lastIndex: 0, position: 5n },
      new IdempotencyKeyUsed('u', 'k'),
      new WrongLastIndex('absent', 3, -1),
    ]);
    expect(outcomes[2]).toMatchObject({ reason: { actual: 2 } });
    const chained = await store.readStream('chained', { raw: true });
    let prevHash = GENESIS_HASH;
    for (const [i, event] of [a, b, c].entries()) {
      expect(chained[i]).toMatchObject({ indexInStream: i, prevHash, hash: chainHash({ ...event, schemaVersion: 1 }, prevHash) });
      prevHash = chained[i].hash;
    }
    expect(await store.findIdempotentResult('u', 'k')).toEqual({ stream: 'keyed-1', lastIndex: 0, position: 5n });
    expect((await store.readAll({ after: 0n, limit: 10 })).map((e) => e.position)).toEqual([1n, 2n, 3n, 4n, 5n]);
  });

  it('refuses in a group a key stored before it, after checking the revision first, as alone', async () => {
    const key = { userId: 'u', key: 'stored' };
    await store.append('keyed', [anEvent()], { expectedLastIndex: 'no_stream', idempotency: key });
    const group = behindOne([
      ['again', [anEvent()], { expectedLastIndex: 'no_stream', idempotency: key }],
      ['keyed', [anEvent()], { expectedLastIndex: 5, idempotency: key }],
      ['fresh', [anEvent(), anEvent()], { expectedLastIndex: 'no_stream' }],
    ]);
    await group.first;
    const outcomes = await group.outcomes;
    expect(group.appendCalls()).toBe(2);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : o.reason))).toEqual([
      new IdempotencyKeyUsed('u', 'stored'),
      new WrongLastIndex('keyed', 5, 0),
      { lastIndex: 1, position: 4n },
    ]);
    expect(await store.findIdempotentResult('u', 'stored')).toEqual({ stream: 'keyed', lastIndex: 0, position: 1n });
  });

  it('fails only the append PostgreSQL refuses to store, and appends the rest of its group', async () => {
    const group = behindOne([
      ['before', [anEvent()], { expectedLastIndex: 'no_stream' }],
      ['refused', [anEvent('Nul\u0000Type')], { expectedLastIndex: 'no_stream' }],
      ['after', [anEvent()], { expectedLastIndex: 'no_stream' }],
    ]);
    await group.first;
    const outcomes = await group.outcomes;
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1]).toMatchObject({ reason: { code: '22021' } });
    expect(await store.readStream('refused')).toEqual([]);
    expect((await store.readAll({ after: 0n, limit: 10 })).map((e) => [e.position, e.stream])).toEqual([
      [1n, 'first'],
      [2n, 'before'],
      [3n, 'after'],
    ]);
  });

  it('tries an append again when one under another lock took its position (instances of two versions, during an upgrade)', async () => {
    await store.append('earlier', [anEvent()], { expectedLastIndex: 'no_stream' });
    const raced = Object.assign(new pg.DatabaseError('duplicate key value violates unique constraint "events_pkey"', 0, 'error'), {
      code: '23505',
      constraint: 'events_pkey',
    });
    const query = jest.spyOn(pg.Pool.prototype, 'query').mockRejectedValueOnce(raced as never);
    const appended = await store.append('late', [anEvent()], { expectedLastIndex: 'no_stream' });
    expect(query).toHaveBeenCalledTimes(2);
    expect(appended).toMatchObject({ lastIndex: 0, position: 2n });
    expect((await store.readStream('late')).map((e) => e.position)).toEqual([2n]);
  });
});
