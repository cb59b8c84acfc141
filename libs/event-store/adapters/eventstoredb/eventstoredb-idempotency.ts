import { randomUUID } from 'node:crypto';
import { type EventStoreDBClient, NO_STREAM, jsonEvent } from '@eventstore/db-client';
import { type AppendResult, type IdempotentAppend } from '../../event-store.js';
import { IdempotencyKeyUsed } from '../../append-refusals.js';
import { parseIdempotent, serializeIdempotent } from '../../idempotency.js';
import { idempotencyStream, toServerStream } from './eventstoredb-mapping.js';
import { isWrongExpectedVersion, readLastEvent, sleep } from './eventstoredb-reads.js';

/**
 * Idempotency keys without a multi-stream transaction. EventStoreDB appends are atomic per stream
 * only, so a key lives in its own stream `idempotency-<sha256(userId:key)>` and is taken in three
 * appends, each guarded by the key stream's expected revision (exactly one writer wins each step):
 *
 *   1. Reserved {stream, attempt, reservedAt}  expected NO_STREAM (or the revision of a Released /
 *      abandoned reservation). A second use of the key fails here, before any ledger event is written.
 *   2. the ledger events, each carrying `idempotencyAttempt` in its metadata.
 *   3. Completed {result}, or Released when step 2 failed (so handleCommand may retry the key).
 *
 * A crash between 1 and 2 leaves a reserved key with no events; between 2 and 3 a reserved key whose
 * events are in. findIdempotentResult tells them apart by the attempt marker: marked events in the
 * reserved stream are the result (no accepted event is lost, a retry returns it and appends nothing).
 * A reservation is treated as absent only if it is older than the lease AND its stream holds no
 * event with its marker; until then it is in flight, and callers wait for it.
 * The window left: an append that takes longer than the lease (default 30 s, on the writer's
 * clock) may land after another process took the key over, and the command is then applied twice.
 */
export const KEY_LEASE_MS = 30_000;

interface KeyEvent {
  type: string;
  data: Record<string, unknown>;
  revision: number;
}

export type KeyState =
  | { kind: 'free'; expected: number | 'no_stream' }
  | { kind: 'completed'; result: IdempotentAppend }
  | { kind: 'reserved'; revision: number; stream: string; attempt: string; reservedAt: number };

/** The state of a key from the last event of its stream (pure). */
export const keyState = (last: KeyEvent | undefined): KeyState => {
  if (!last) return { kind: 'free', expected: 'no_stream' };
  if (last.type === 'IdempotencyKeyCompleted') return { kind: 'completed', result: parseIdempotent(String(last.data.result)) };
  if (last.type === 'IdempotencyKeyReleased') return { kind: 'free', expected: last.revision };
  const { stream, attempt, reservedAt } = last.data as { stream: string; attempt: string; reservedAt: number };
  return { kind: 'reserved', revision: last.revision, stream, attempt, reservedAt };
};

/** A reservation with no marked events is abandoned once its lease ran out (pure). */
export const isAbandoned = (state: Extract<KeyState, { kind: 'reserved' }>, now: number, leaseMs: number): boolean =>
  now - state.reservedAt > leaseMs;

export interface Reservation {
  keyStream: string;
  revision: number;
  attempt: string;
}

/** Finds the result of the events appended under an attempt, if they are in the stream. */
export type FindMarked = (stream: string, attempt: string) => Promise<AppendResult | undefined>;

export class EventStoreDbIdempotencyKeys {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly prefix: string,
    private readonly findMarked: FindMarked,
    private readonly leaseMs = KEY_LEASE_MS,
  ) {}

  /** The first result of the key, waiting while a reservation is in flight; undefined when free. */
  async find(userId: string, key: string): Promise<IdempotentAppend | undefined> {
    for (;;) {
      const state = await this.settle(this.keyStream(userId, key));
      if (state.kind === 'completed') return state.result;
      if (state.kind === 'free') return undefined;
      await sleep(50);
    }
  }

  /** Step 1: take the key, or IdempotencyKeyUsed when it is completed or in flight. */
  async reserve(userId: string, key: string, stream: string): Promise<Reservation> {
    const keyStream = this.keyStream(userId, key);
    const state = await this.settle(keyStream);
    if (state.kind !== 'free') throw new IdempotencyKeyUsed(userId, key);
    const attempt = randomUUID();
    const data = { stream, attempt, reservedAt: Date.now() };
    const expectedRevision = state.expected === 'no_stream' ? NO_STREAM : BigInt(state.expected);
    try {
      await this.client.appendToStream(keyStream, jsonEvent({ type: 'IdempotencyKeyReserved', data }), { expectedRevision });
    } catch (error) {
      if (isWrongExpectedVersion(error)) throw new IdempotencyKeyUsed(userId, key);
      throw error;
    }
    return { keyStream, revision: state.expected === 'no_stream' ? 0 : state.expected + 1, attempt };
  }

  /** Step 3 after success. Failing here loses nothing: find() recovers the result from the marker. */
  async complete(reservation: Reservation, stream: string, result: AppendResult): Promise<void> {
    await this.write(reservation, 'IdempotencyKeyCompleted', { result: serializeIdempotent(stream, result) });
  }

  /** Step 3 after a failed append: the key is free again. */
  async release(reservation: Reservation): Promise<void> {
    await this.write(reservation, 'IdempotencyKeyReleased', { attempt: reservation.attempt });
  }

  private async write(reservation: Reservation, type: string, data: Record<string, string>): Promise<void> {
    await this.client
      .appendToStream(reservation.keyStream, jsonEvent({ type, data }), { expectedRevision: BigInt(reservation.revision) })
      .catch(() => undefined); // a lost race or a crash here is what the marker recovery is for
  }

  private keyStream(userId: string, key: string): string {
    return toServerStream(this.prefix, idempotencyStream(userId, key));
  }

  /** The key's state with a reservation resolved: its marked events make it completed, its lease free. */
  private async settle(keyStream: string): Promise<KeyState> {
    const last = await readLastEvent(this.client, keyStream);
    const state = keyState(last && { type: last.type, data: last.data as Record<string, unknown>, revision: Number(last.revision) });
    if (state.kind !== 'reserved') return state;
    const marked = await this.findMarked(state.stream, state.attempt);
    if (marked) {
      const result = { stream: state.stream, ...marked };
      await this.complete({ keyStream, revision: state.revision, attempt: state.attempt }, state.stream, result);
      return { kind: 'completed', result };
    }
    return isAbandoned(state, Date.now(), this.leaseMs) ? { kind: 'free', expected: state.revision } : state;
  }
}
