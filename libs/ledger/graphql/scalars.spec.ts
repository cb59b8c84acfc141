import { DateScalar, DateTimeScalar } from './scalars.js';

describe('DateTime', () => {
  it.each(['2026-03-01T09:30:00Z', '2026-03-01T09:30Z', '2024-02-29T23:59:59.999+02:00', '2026-03-01T00:00:00.123000000-05:30'])(
    'accepts %s as the same instant in UTC',
    (value) => {
      expect(DateTimeScalar.parseValue(value)).toBe(new Date(value).toISOString());
    },
  );

  it.each([
    '2026-02-30T10:00:00Z',
    '2025-02-29T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T10:60:00Z',
    '2026-03-01T10:00:60Z',
    '2026-03-01T10:00:00+24:00',
    '2026-03-01T10:00:00',
    '2026-03-01',
    'yesterday',
    1_700_000_000,
  ])('refuses %s', (value) => {
    expect(() => DateTimeScalar.parseValue(value)).toThrow('DateTime must be a real ISO-8601 date and time');
  });
});

describe('DateTime to the millisecond', () => {
  it('refuses digits past the millisecond rather than drop them, naming the rule', () => {
    expect(() => DateTimeScalar.parseValue('2026-12-06T10:39:52.5859999Z')).toThrow(
      "DateTime is kept to the millisecond: write at most 3 digits after the second's point (got 2026-12-06T10:39:52.5859999Z)",
    );
  });
});

describe('Date', () => {
  it('accepts real calendar dates and refuses the rest', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    for (const value of ['2026-02-30', '2026-2-01', '2026-02-01T00:00:00Z', 20260201])
      expect(() => DateScalar.parseValue(value)).toThrow('Date must be');
  });
});
