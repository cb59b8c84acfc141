import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const fail = (scalar: string, rule: string): never => {
  throw new GraphQLError(`${scalar} ${rule}`, { extensions: { code: 'BAD_USER_INPUT' } });
};

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const parseDateTime = (value: unknown): string => {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    return fail('DateTime', 'must be an ISO-8601 date and time, e.g. 2026-03-01T09:30:00Z');
  }
  return new Date(value).toISOString();
};

const parseDate = (value: unknown): string => {
  const valid = typeof value === 'string' && ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  return valid ? (value as string) : fail('Date', 'must be a calendar date YYYY-MM-DD');
};

const literal = (ast: ValueNode): unknown => (ast.kind === Kind.STRING ? ast.value : undefined);

/** ISO-8601 instants; kept as strings end to end (they sort and compare as stored). */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO-8601 instant, e.g. 2026-03-01T09:30:00.000Z',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(literal(ast)),
});

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date YYYY-MM-DD',
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(literal(ast)),
});

const jsonLiteral = (ast: ValueNode): unknown => {
  switch (ast.kind) {
    case Kind.STRING: case Kind.BOOLEAN: return ast.value;
    case Kind.INT: case Kind.FLOAT: return Number(ast.value);
    case Kind.NULL: return null;
    case Kind.LIST: return ast.values.map(jsonLiteral);
    case Kind.OBJECT: return Object.fromEntries(ast.fields.map((f) => [f.name.value, jsonLiteral(f.value)]));
    default: return fail('JSON', 'cannot hold variables inside a literal');
  }
};

export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value (event data in the audit log)',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: jsonLiteral,
});
