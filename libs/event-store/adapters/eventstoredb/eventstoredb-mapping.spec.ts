import { ANY, NO_STREAM, START, WrongExpectedVersionError } from '@eventstore/db-client';
import { WrongLastIndex } from '../../append-refusals.js';
import { GENESIS_HASH, chainHash } from '../../hash-chain.js';
import { Upcasters } from '../../upcasting.js';
import { anEvent } from '../../contract/event-store.contract.js';
import { chainBatch } from './eventstoredb-append.js';
import {
  type ServerEvent,
  formatPosition,
  fromClientRevision,
  fromServerEvent,
  idempotencyStream,
  isLedgerEvent,
  parsePosition,
  readPositionAfter,
  storedMetadataOf,
  toClientExpectedRevision,
  toEventData,
  toLedgerStream,
  toPosition,
  toServerStream,
  toWrongLastIndex,
} from './eventstoredb-mapping.js';

/** Pure mapping of the EventStoreDB adapter: runs in CI without a server. */

describe('expected revisions', () => {
  it('maps ours to the client', () => {
    expect(toClientExpectedRevision(0)).toBe(0n);
    expect(toClientExpectedRevision(41)).toBe(41n);
    expect(toClientExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toClientExpectedRevision('any')).toBe(ANY);
  });

  it("maps the client's current revision back, NO_STREAM to -1", () => {
    expect(fromClientRevision(7n)).toBe(7);
    expect(fromClientRevision(NO_STREAM)).toBe(-1);
  });

  it('turns a WrongExpectedVersionError into WrongLastIndex with the actual last index', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'p-thing-1', current: 3n, expected: 1n });
    const ours = toWrongLastIndex('thing-1', 1, error);
    expect(ours).toBeInstanceOf(WrongLastIndex);
    expect(ours).toMatchObject({ stream: 'thing-1', expected: 1, actual: 3 });
    const missing = new WrongExpectedVersionError(undefined, { streamName: 'thing-2', current: NO_STREAM, expected: 0n });
    expect(toWrongLastIndex('thing-2', 0, missing).actual).toBe(-1);
  });
});

describe('positions', () => {
  it('are the $all commit position, with the "none" markers as NO_POSITION', () => {
    expect(toPosition(1234n)).toBe(1234n);
    expect(toPosition(undefined, 99n)).toBe(99n);
    expect(toPosition(2n ** 64n - 1n, 5n)).toBe(5n);
    expect(toPosition(undefined)).toBe(0n);
    expect(toPosition(-1n)).toBe(0n);
  });

  it('start a forward read at START for 0 and at the position itself otherwise', () => {
    expect(readPositionAfter(0n)).toBe(START);
    expect(readPositionAfter(2n ** 60n)).toEqual({ commit: 2n ** 60n, prepare: 2n ** 60n });
  });

  it('travel as decimal strings beyond 2^53', () => {
    const big = 2n ** 63n + 11n;
    expect(formatPosition(big)).toBe('9223372036854775819');
    expect(parsePosition(formatPosition(big))).toBe(big);
    expect(parsePosition('0')).toBe(0n);
    for (const bad of ['', '-1', '1.5', '0x10', ' 1', '01', '18446744073709551616']) {
      expect(() => parsePosition(bad)).toThrow(/invalid position/);
    }
  });
});

describe('stream names and the $all filter', () => {
  it('prefixes our streams and recognises them again', () => {
    expect(toServerStream('t1_', 'thing-1')).toBe('t1_thing-1');
    expect(toLedgerStream('t1_', 't1_thing-1')).toBe('thing-1');
    expect(toLedgerStream('t1_', 't2_thing-1')).toBeUndefined();
    expect(toLedgerStream('', 'thing-1')).toBe('thing-1');
  });

  it('keeps idempotency keys in a hashed stream per user and key', () => {
    const stream = idempotencyStream('u-1', 'k-1');
    expect(stream).toMatch(/^idempotency-[0-9a-f]{64}$/);
    expect(idempotencyStream('u-1', 'k-1')).toBe(stream);
    expect(idempotencyStream('u-2', 'k-1')).not.toBe(stream);
  });

  it('lets through only ledger events: no system events or streams, no keys, no foreign events', () => {
    const metadata = { metadata: anEvent().metadata, schemaVersion: 1, prevHash: GENESIS_HASH, hash: 'h' };
    const event = (streamId: string, type = 'ThingHappened', meta: unknown = metadata) => ({ streamId, type, metadata: meta });
    expect(isLedgerEvent('', event('thing-1'))).toBe(true);
    expect(isLedgerEvent('', event('$stats-127.0.0.1:2113', 'ThingHappened'))).toBe(false);
    expect(isLedgerEvent('', event('thing-1', '$metadata'))).toBe(false);
    expect(isLedgerEvent('', event('$$thing-1'))).toBe(false);
    expect(isLedgerEvent('', event(idempotencyStream('u', 'k')))).toBe(false);
    expect(isLedgerEvent('p_', event(`p_${idempotencyStream('u', 'k')}`))).toBe(false);
    expect(isLedgerEvent('p_', event('q_thing-1'))).toBe(false);
    expect(isLedgerEvent('p_', event('p_thing-1'))).toBe(true);
    expect(isLedgerEvent('', event('orders-1', 'OrderPlaced', { $correlationId: 'x' }))).toBe(false);
    expect(isLedgerEvent('', event('orders-1', 'OrderPlaced', null))).toBe(false);
  });
});

describe('events', () => {
  const written = [anEvent('A', { n: 1, text: 'Zoë 🚀' }), { ...anEvent('B', { n: 2 }), schemaVersion: 4 }];
  const chained = chainBatch(written, GENESIS_HASH, new Upcasters(), 'attempt-1');

  it('are chained by hash-chain.ts, each to the one before', () => {
    expect(chained[0].stored).toMatchObject({ prevHash: GENESIS_HASH, schemaVersion: 1, idempotencyAttempt: 'attempt-1' });
    expect(chained[0].stored.hash).toBe(chainHash({ ...written[0], schemaVersion: 1 }, GENESIS_HASH));
    expect(chained[1].stored.prevHash).toBe(chained[0].stored.hash);
    expect(chained[1].stored.hash).toBe(chainHash({ ...written[1], schemaVersion: 4 }, chained[0].stored.hash));
    expect(chainBatch(written, GENESIS_HASH, new Upcasters())[0].stored).not.toHaveProperty('idempotencyAttempt');
  });

  it('are written as JSON with our metadata, schema version and chain link in the event metadata', () => {
    const data = toEventData(chained[0]);
    expect(data).toMatchObject({ contentType: 'application/json', type: 'A', data: { n: 1, text: 'Zoë 🚀' } });
    expect(data.metadata).toEqual({
      metadata: written[0].metadata,
      schemaVersion: 1,
      prevHash: GENESIS_HASH,
      hash: chained[0].stored.hash,
      idempotencyAttempt: 'attempt-1',
    });
    expect(data.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('read back as RecordedEvent, exactly as written, in the unprefixed stream', () => {
    const data = toEventData(chained[1]);
    const server: ServerEvent = {
      streamId: 'p_thing-1',
      revision: 1n,
      type: data.type,
      data: data.data,
      metadata: data.metadata,
      position: 777n,
    };
    expect(fromServerEvent('p_', server)).toEqual({
      position: 777n,
      stream: 'thing-1',
      indexInStream: 1,
      type: 'B',
      schemaVersion: 4,
      data: { n: 2 },
      metadata: written[1].metadata,
      prevHash: chained[0].stored.hash,
      hash: chained[1].stored.hash,
    });
  });

  it('refuse events the ledger did not write', () => {
    expect(() => storedMetadataOf({ metadata: { $correlationId: 'x' } })).toThrow(/not written by the ledger/);
    expect(() => storedMetadataOf({ metadata: new Uint8Array([1]) })).toThrow(/not written by the ledger/);
  });
});
