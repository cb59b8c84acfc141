import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isCalendarDate } from '@cf/core';

const fail = (scalar: string, rule: string): never => {
  throw new GraphQLError(`${scalar} ${rule}`, { extensions: { code: 'BAD_USER_INPUT' } });
};

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3}(\d{0,6}))?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

const inRange = (text: string | undefined, max: number): boolean => text === undefined || Number(text) <= max;

/**
 * Strict: Date.parse would roll 2026-02-30 over to 2 March and 24:00 to the next day; a value
 * that names no real moment is refused instead.
 */
const parseDateTime = (value: unknown): string => {
  const parts = typeof value === 'string' ? ISO_DATE_TIME.exec(value) : null;
  const [, date, hours, minutes, seconds, pastMilliseconds, offsetHours, offsetMinutes] = parts ?? [];
  const real =
    parts !== null &&
    isCalendarDate(date) &&
    inRange(hours, 23) &&
    inRange(minutes, 59) &&
    inRange(seconds, 59) &&
    inRange(offsetHours, 23) &&
    inRange(offsetMinutes, 59);
  if (!real) return fail('DateTime', 'must be a real ISO-8601 date and time, e.g. 2026-03-01T09:30:00Z');
  // Times are kept to the millisecond: a bound of .5859999 read as .585 would take in what came before it.
  if (/[1-9]/.test(pastMilliseconds ?? ''))
    return fail('DateTime', `is kept to the millisecond: write at most 3 digits after the second's point (got ${String(value)})`);
  return new Date(value as string).toISOString();
};

const parseDate = (value: unknown): string => (isCalendarDate(value) ? value : fail('Date', 'must be a calendar date YYYY-MM-DD'));

const literal = (ast: ValueNode): unknown => (ast.kind === Kind.STRING ? ast.value : undefined);

/**
 * A value written into the document, parsed: refused as a plain Error, which graphql-js reports
 * with the value's place in the document (a GraphQLError it would pass on without one), so the
 * refusal names the field it was written for.
 */
const fromLiteral =
  <T>(parse: (value: unknown) => T) =>
  (ast: ValueNode): T => {
    try {
      return parse(literal(ast));
    } catch (error) {
      throw new Error(error instanceof Error ? error.message : String(error), { cause: error });
    }
  };

/** ISO-8601 instants; kept as strings end to end (they sort and compare as stored). */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO-8601 instant, e.g. 2026-03-01T09:30:00.000Z, kept to the millisecond (digits past it are refused)',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: parseDateTime,
  parseLiteral: fromLiteral(parseDateTime),
});

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date YYYY-MM-DD',
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: fromLiteral(parseDate),
});

const jsonLiteral = (ast: ValueNode): unknown => {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(jsonLiteral);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, jsonLiteral(f.value)]));
    default:
      return fail('JSON', 'cannot hold variables inside a literal');
  }
};

export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value (event data in the audit log)',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: jsonLiteral,
});
