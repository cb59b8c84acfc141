import fc from 'fast-check';

/** A JSON fragment written into the body as it is: numbers JSON.stringify cannot express (1e400). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON with RawJson fragments spliced in verbatim. */
export const serialize = (value: unknown): string => {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0000RAW${raws.length - 1}\u0000`;
    }
    return v;
  });
  return text.replace(/"\\u0000RAW(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)]);
};

export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE events; --",
  '" OR ""="',
  '1; SELECT * FROM sqlite_master',
  "x' UNION SELECT hash FROM events --",
  "') ; DELETE FROM idempotency_keys; --",
  '{"$gt": ""}',
  '{"$where": "sleep(1000)"}',
  '[$ne]=1',
  '$regex',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${process.exit(1)}',
  '`rm -rf /`',
  '../../../../etc/passwd',
  'C:\\Windows\\system32',
  '%00',
  '\u0000',
  '\u202e\u0000\uffff',
  '\ud800',
  '😀'.repeat(50),
  ' ',
  '',
  '\n\t\r',
  'null',
  'undefined',
  'NaN',
  'true',
  '0x7fffffff',
  '-1',
  '1e400',
  "Robert'); DROP TABLE Students;--",
];

/** Strings that a naive server would choke on, up to ~900 KB. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...INJECTIONS), weight: 12 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 4 },
  { arbitrary: fc.constantFrom(201, 20_001, 65_536).map((n) => 'A'.repeat(n)), weight: 2 },
  { arbitrary: fc.constantFrom(300_000, 900_000).map((n) => 'B'.repeat(n)), weight: 1 },
);

export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    -1,
    -0.5,
    0,
    -0,
    0.1,
    0.25,
    1.5,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e21,
  ),
  fc.constantFrom('1e400', '-1e400', '1e-400', '123456789012345678901234567890', '-0.0', '1E+308').map((t) => new RawJson(t)),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '12', '', '0x10'),
  fc.double(),
  fc.integer(),
);

export const hostileDate: fc.Arbitrary<string> = fc.constantFrom(
  '2025-02-30',
  '2025-13-01',
  '0000-00-00',
  '99999-01-01',
  '2025-03-01T25:00:00Z',
  'yesterday',
  '1e400',
  '2025-03-03',
  '2025-03-01T09:00:00.000Z',
  '-271821-04-19',
  '',
);

/** Anything at all: wrong types, deep nesting, prototype pollution attempts. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      null,
      true,
      false,
      0,
      [],
      {},
      [[[]]],
      { __proto__: { admin: true } },
      JSON.parse('{"__proto__": {"polluted": 1}}'),
      { constructor: { prototype: { x: 1 } } },
    ),
    weight: 3,
  },
  { arbitrary: hostileString, weight: 2 },
  { arbitrary: hostileNumber, weight: 2 },
  { arbitrary: fc.constantFrom(10, 1_000, 20_000).map((depth) => nested(depth)), weight: 1 },
  { arbitrary: fc.json().map((text) => JSON.parse(text) as unknown), weight: 2 },
);

/** {"a":{"a":…}} or [[[…]]], `depth` levels deep. */
export const nested = (depth: number, kind: 'object' | 'array' = depth % 2 ? 'array' : 'object'): RawJson =>
  new RawJson(kind === 'object' ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}1${']'.repeat(depth)}`);

export const unknownId: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'project-1', 'x', '*', '%', 'project-%', 'commitment-1 OR 1=1'),
);
