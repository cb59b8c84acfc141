import { serializeIdempotent } from '../../idempotency.js';
import { KEY_LEASE_MS, type KeyState, isAbandoned, keyState } from './eventstoredb-idempotency.js';

/** The key-stream states of the EventStoreDB idempotency protocol (pure; no server). */

describe('an idempotency key stream', () => {
  it('is free when it does not exist: the reservation expects NO_STREAM', () => {
    expect(keyState(undefined)).toEqual({ kind: 'free', expected: 'no_stream' });
  });

  it('holds the first result once completed', () => {
    const result = serializeIdempotent('thing-1', { lastIndex: 1, position: 2n ** 60n });
    expect(keyState({ type: 'IdempotencyKeyCompleted', data: { result }, revision: 1 })).toEqual({
      kind: 'completed',
      result: { stream: 'thing-1', lastIndex: 1, position: 2n ** 60n },
    });
  });

  it('is free again after a release, expecting the release event', () => {
    expect(keyState({ type: 'IdempotencyKeyReleased', data: { attempt: 'a' }, revision: 1 })).toEqual({ kind: 'free', expected: 1 });
  });

  it('is reserved by an attempt in flight, abandoned only after the lease', () => {
    const state = keyState({ type: 'IdempotencyKeyReserved', data: { stream: 'thing-1', attempt: 'a', reservedAt: 1_000 }, revision: 2 });
    expect(state).toEqual({ kind: 'reserved', revision: 2, stream: 'thing-1', attempt: 'a', reservedAt: 1_000 });
    const reserved = state as Extract<KeyState, { kind: 'reserved' }>;
    expect(isAbandoned(reserved, 1_000 + KEY_LEASE_MS, KEY_LEASE_MS)).toBe(false);
    expect(isAbandoned(reserved, 1_001 + KEY_LEASE_MS, KEY_LEASE_MS)).toBe(true);
  });
});
