import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson, chainHash, linkHash } from '@cf/event-store';

/** The first implementation: JSON.stringify of a copy with sorted keys. The fast writer must match it byte for byte. */
const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value as object)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
};
const reference = (value: unknown): string => JSON.stringify(sortKeys(value));

describe('canonical JSON of the hash chain (property)', () => {
  it('writes exactly what JSON.stringify of a key-sorted copy gives, so stored hashes stay valid', () => {
    const values = fc.oneof(
      fc.jsonValue(),
      fc.anything({ withNullPrototype: true, withSparseArray: true, withBoxedValues: false }),
      fc.dictionary(
        fc.string(),
        fc.oneof(fc.constant(undefined), fc.double(), fc.string(), fc.array(fc.oneof(fc.constant(undefined), fc.integer()))),
      ),
    );
    fc.assert(
      fc.property(values, (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 2_000 },
    );
  });

  it('hashes an event as sha256 of that canonical JSON', () => {
    const event = {
      type: 'T',
      schemaVersion: 1,
      data: { b: 1, a: [1, { d: 'x', c: null }], '10': 2, '9': 3 },
      metadata: { actor: { userId: 'u', name: 'U' }, occurredAt: '2025-01-01T00:00:00.000Z', correlationId: 'c' },
    };
    const expected = createHash('sha256')
      .update(reference({ ...event, prevHash: 'p' }))
      .digest('hex');
    expect(chainHash(event, 'p')).toBe(expected);
  });

  it('links from already-written canonical JSON exactly as chainHash links the event', () => {
    const events = fc.record({
      type: fc.string({ minLength: 1 }),
      schemaVersion: fc.integer({ min: 1, max: 9 }),
      data: fc.dictionary(fc.string(), fc.jsonValue()),
      metadata: fc.record({
        actor: fc.record({ userId: fc.string(), name: fc.string() }),
        occurredAt: fc.string(),
        correlationId: fc.string(),
      }),
    });
    fc.assert(
      fc.property(events, fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }), (event, prevHash) => {
        const expected = createHash('sha256')
          .update(reference({ ...event, prevHash }))
          .digest('hex');
        expect(linkHash(event.type, event.schemaVersion, canonicalJson(event.data), canonicalJson(event.metadata), prevHash)).toBe(
          expected,
        );
      }),
      { numRuns: 500 },
    );
  });
});
