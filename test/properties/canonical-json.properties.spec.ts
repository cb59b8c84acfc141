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

  it('writes what it always wrote for objects that are not plain data, whatever JSON.stringify alone would do with them', () => {
    class Money {
      cents = 5;
      currency = 'EUR';
      toJSON(): string {
        return 'not called';
      }
    }
    class Tags extends Array<number> {
      toJSON(): string {
        return 'not called';
      }
    }
    const protoKey = Object.assign(JSON.parse('{"z":1,"__proto__":{"y":2,"x":3}}') as object, { a: [1, , 3] }); // eslint-disable-line no-sparse-arrays
    const written = [
      { '4294967295': 1, '4294967294': 2, '10': 3, '9': 4, a: 5, '01': 6, '-1': 7, B: 8, é: 9 },
      protoKey,
      { toJSON: () => 'not called', keep: 1 },
      { toJSON: 'not a function', b: [undefined, () => 1, Symbol('s'), null] },
      new Money(),
      new Date(0),
      Object.assign(Object.create(null) as object, { b: 1, a: 2 }),
      { s: new String('ab'), n: new Number(3), big: [Infinity, NaN, -0, 1e21, 5e-7] },
      { text: 'quote " back \\ \u0001 \ud800 lone', undef: undefined, fn: () => 1 },
      new Map([[1, 2]]),
      Object.assign([1, 2], { extra: 'x' }),
      [Object.assign(() => 1, { toJSON: () => 'not called' })],
      Tags.from([1, 2]),
      Object.assign([3, 4], { map: 5, constructor: 7 }),
      Object.setPrototypeOf([1, { b: 2, a: 1 }], null) as unknown[],
    ].map(canonicalJson);
    expect(written).toEqual([
      '{"9":4,"10":3,"4294967294":2,"-1":7,"01":6,"4294967295":1,"B":8,"a":5,"é":9}',
      '{"__proto__":{"x":3,"y":2},"a":[1,null,3],"z":1}',
      '{"keep":1}',
      '{"b":[null,null,null,null],"toJSON":"not a function"}',
      '{"cents":5,"currency":"EUR"}',
      '{}',
      '{"a":2,"b":1}',
      '{"big":[null,null,0,1e+21,5e-7],"n":{},"s":{"0":"a","1":"b"}}',
      '{"text":"quote \\" back \\\\ \\u0001 \\ud800 lone"}',
      '{}',
      '[1,2]',
      '[null]',
      '[1,2]',
      '[3,4]',
      '[1,{"a":1,"b":2}]',
    ]);
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
