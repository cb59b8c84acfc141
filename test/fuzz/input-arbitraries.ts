import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  buildSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  typeFromAST,
} from 'graphql';
import { anyValue, hostileDate, hostileNumber, hostileString, unknownId } from './hostile-values.js';

export const apiSchema = (): GraphQLSchema => buildSchema(readFileSync(new URL('../../apps/api/schema.graphql', import.meta.url), 'utf8'));

/** Ids a request can name: its own project's, another project's, unknown ones, hostile text. */
export interface IdPools {
  mine: string[];
  theirs: string[];
}

const INVALID_ENUM = ['ADMIN', 'manager', '', 'MANAGER ', "MANAGER' OR '1'='1", 'null', '__proto__'];

/** Values for one GraphQL input type: mostly well-typed but hostile, sometimes of the wrong type. */
export const valueFor = (type: GraphQLInputType, ids: IdPools, depth = 0): fc.Arbitrary<unknown> => {
  const wrong = { arbitrary: anyValue, weight: 1 };
  if (isNonNullType(type)) {
    return fc.oneof(
      { arbitrary: valueFor(type.ofType, ids, depth), weight: 12 },
      { arbitrary: fc.constantFrom(null, undefined), weight: 1 },
    );
  }
  if (isListType(type)) {
    const item = valueFor(type.ofType, ids, depth + 1);
    return fc.oneof(
      { arbitrary: fc.array(item, { maxLength: 4 }), weight: 8 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom(2_000, 20_000), fc.constantFrom(ids.mine[0], ids.theirs[0], 'x', 1))
          .map(([n, v]) => Array.from({ length: n }, () => v)),
        weight: 1,
      },
      wrong,
    );
  }
  if (isEnumType(type)) {
    const valid = type.getValues().map((v) => v.name);
    return fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 4 }, { arbitrary: fc.constantFrom(...INVALID_ENUM), weight: 2 }, wrong);
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    const record = fc.record(Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, ids, depth + 1)])), { requiredKeys: [] });
    const extra = fc.dictionary(fc.constantFrom('__proto__', 'constructor', '$where', 'admin', 'id; DROP', 'position'), anyValue, {
      maxKeys: 2,
    });
    return fc.oneof(
      { arbitrary: record, weight: 10 },
      { arbitrary: fc.tuple(record, extra).map(([r, e]) => ({ ...r, ...e })), weight: 2 },
      wrong,
    );
  }
  if (isScalarType(type)) return fc.oneof({ arbitrary: scalarFor(type.name, ids), weight: 8 }, wrong);
  return anyValue;
};

const scalarFor = (name: string, ids: IdPools): fc.Arbitrary<unknown> => {
  switch (name) {
    case 'ID':
      return fc.oneof(
        { arbitrary: fc.constantFrom(...ids.mine), weight: 5 },
        { arbitrary: fc.constantFrom(...ids.theirs), weight: 4 },
        { arbitrary: unknownId, weight: 2 },
        { arbitrary: hostileString, weight: 1 },
        { arbitrary: fc.integer(), weight: 1 },
      );
    case 'String':
      return hostileString;
    case 'Int':
    case 'Float':
      return hostileNumber;
    case 'Boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 1, 0, 'yes'));
    case 'Date':
    case 'DateTime':
      return hostileDate;
    default:
      return anyValue;
  }
};

/** The variables of one portal operation, generated from its variable definitions. */
export const variablesFor = (
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  ids: IdPools,
): fc.Arbitrary<Record<string, unknown>> => {
  const entries = (operation.variableDefinitions ?? []).map((definition) => {
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    return [definition.variable.name.value, type ? valueFor(type, ids) : anyValue] as const;
  });
  return fc.record(Object.fromEntries(entries), { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
};
