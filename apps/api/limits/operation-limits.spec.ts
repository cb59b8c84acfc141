import { readFileSync } from 'node:fs';
import { Kind, buildSchema, parse } from 'graphql';
import { portalDocument, portalOperations } from '../../../test/harness/portal-operations.js';
import { operationRefusals } from './operation-limits.js';

const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

describe('operationRefusals', () => {
  it.each(portalOperations().map((o) => [o.name!.value, o] as const))(
    'lets the portal operation %s through, with pages of 100 as the portal page asks for them',
    (_name, operation) => {
      const fragments = portalDocument().definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
      const document = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] } as never;
      // Every required id and text given, so the variables are valid and the cost is counted (it is not for invalid ones).
      const variables: Record<string, unknown> = { first: 100 };
      for (const definition of operation.variableDefinitions ?? []) {
        const type = definition.type;
        if (type.kind === Kind.NON_NULL_TYPE && type.type.kind === Kind.NAMED_TYPE && ['ID', 'String'].includes(type.type.name.value)) {
          variables[definition.variable.name.value] = '0190a6f4-0000-7000-8000-000000000000';
        }
      }
      expect(operationRefusals(schema, document, variables, undefined, { introspection: false }).map((e) => e.message)).toEqual([]);
    },
  );

  it('counts every alias, __typename included', () => {
    const rules = (count: number) =>
      operationRefusals(schema, parse(`{ ${Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ')} }`), {}, undefined, {
        introspection: false,
      }).map((e) => e.extensions.rule);
    expect(rules(15)).toEqual([]);
    expect(rules(16)).toEqual(['maxAliases']);
  });

  it('answers the schema once per document: each aliased __schema is the whole schema again, and needs no token', () => {
    const rules = (count: number, introspection = true) =>
      operationRefusals(
        schema,
        parse(`{ ${Array.from({ length: count }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ')} }`),
        {},
        undefined,
        { introspection },
      ).map((e) => e.extensions.rule);
    expect(rules(1)).toEqual([]);
    expect(rules(2)).toEqual(['maxSchemaIntrospections']);
    expect(rules(14)).toEqual(['maxSchemaIntrospections']);
    expect(rules(2, false)).toContain('introspection');
  });

  it('refuses a mutation operation asking for more than one mutation, through fragments too, __typename aside', () => {
    const rules = (query: string) =>
      operationRefusals(schema, parse(query), {}, undefined, { introspection: false }).map((e) => e.extensions.rule);
    const open = (alias: string) => `${alias}: openProject(input: { name: "n", customerName: "c", budgetHours: 1 }) { position }`;
    expect(rules(`mutation { ${open('a')} __typename }`)).toEqual([]);
    expect(rules(`mutation A { ${open('a')} } mutation B { ${open('b')} }`)).toEqual([]);
    expect(rules(`mutation { ${open('a')} ${open('b')} }`)).toEqual(['maxMutationFields']);
    expect(rules(`mutation { ${open('a')} ... on Mutation { ${open('b')} } }`)).toEqual(['maxMutationFields']);
    expect(rules(`mutation { ...Two } fragment Two on Mutation { ${open('a')} ${open('b')} }`)).toEqual(['maxMutationFields']);
    expect(rules(`{ a: projects { totalCount } b: projects { totalCount } }`)).toEqual([]);
  });

  it('counts mutation fields as execution runs them: the operation picked, one per response key, none left out by a directive', () => {
    const rules = (query: string, operationName?: string, variables: Record<string, unknown> = {}) =>
      operationRefusals(schema, parse(query), variables, operationName, { introspection: false }).map((e) => e.extensions.rule);
    const open = (directive = '') => `openProject(input: { name: "n", customerName: "c", budgetHours: 1 }) ${directive} { position }`;
    expect(rules(`mutation { ${open()} ${open()} }`)).toEqual([]);
    expect(rules(`mutation { a: ${open()} b: ${open('@skip(if: true)')} }`)).toEqual([]);
    const maybeTwo = `mutation Two($second: Boolean!) { a: ${open()} b: ${open('@include(if: $second)')} }`;
    expect(rules(maybeTwo, undefined, { second: false })).toEqual([]);
    expect(rules(maybeTwo, undefined, { second: true })).toEqual(['maxMutationFields']);
    const pair = `mutation One { ${open()} } mutation Two { a: ${open()} b: ${open()} }`;
    expect(rules(pair, 'One')).toEqual([]);
    expect(rules(pair, 'Two')).toEqual(['maxMutationFields']);
  });

  it('refuses an object in the variables wider than any input type, before graphql-js prints it once per unknown key', () => {
    const document = parse('mutation Open($i: OpenProjectInput!) { openProject(input: $i) { position } }');
    const input = (extra: number) => ({
      i: {
        name: 'n',
        customerName: 'c',
        budgetHours: 1,
        ...Object.fromEntries(Array.from({ length: extra }, (_, k) => [`k${k}`, k])),
      },
    });
    const rules = (variables: Record<string, unknown>) =>
      operationRefusals(schema, document, variables, undefined, { introspection: false }).map((e) => e.extensions.rule);
    expect(rules(input(97))).toEqual([]);
    expect(rules(input(98))).toEqual(['maxVariableObjectKeys']);
    expect(rules({ list: [[{ deep: input(60_000) }]] })).toEqual(['maxVariableObjectKeys']);
    const variables = (count: number) => ({
      ...input(0),
      ...Object.fromEntries(Array.from({ length: count - 1 }, (_, k) => [`v${k}`, k])),
    });
    expect(rules(variables(100))).toEqual([]);
    expect(rules(variables(101))).toEqual(['maxVariableObjectKeys']);
    let nested: unknown = 1;
    for (let depth = 0; depth < 100_000; depth++) nested = [nested];
    expect(rules({ nested })).toEqual([]);
  });

  it('judges the cost of each set of variables of one document, however often it came within the limit with others', () => {
    const page = (alias: string) => `${alias}: projects(first: $first) { edges { cursor node { id name customerName } } }`;
    const document = parse(`query Costly($first: Int, $note: String) { ${Array.from({ length: 12 }, (_, i) => page(`p${i}`)).join(' ')} }`);
    const rules = (variables: Record<string, unknown>) =>
      operationRefusals(schema, document, variables, undefined, { introspection: false }).map((e) => e.extensions.rule);
    const long = 'x'.repeat(2_000);
    for (let round = 0; round < 2; round++) {
      expect(rules({ first: 5 })).toEqual([]);
      expect(rules({ first: 500 })).toEqual(['queryComplexity']);
      expect(rules({ first: 5, note: long })).toEqual([]);
      expect(rules({ first: 500, note: long })).toEqual(['queryComplexity']);
    }
  });

  it('costs a list without first as many items, so lists that link entities cannot nest into millions of objects', () => {
    const refusals = (query: string) =>
      operationRefusals(schema, parse(query), {}, undefined, { introspection: false }).map((e) => e.extensions.rule);
    const page = (inner: string, first = 500) => `{ commitments(projectId: "p", first: ${first}) { edges { node { id ${inner} } } } }`;
    expect(refusals(page('requests { commitments { requests { commitments { id } } } }'))).toEqual(['queryComplexity']);
    expect(refusals(page('requests { commitments { id } }'))).toEqual(['queryComplexity']);
    expect(refusals(page('requests { id title channel }'))).toEqual(['queryComplexity']);
    expect(refusals(page('requests { id title channel }', 100))).toEqual([]);
    // A requirement lists no commitments back: its list costs as a field does.
    expect(refusals(page('requirements { id key revisions { revision } }'))).toEqual([]);
    expect(refusals('{ request(id: "r") { commitments { requests { commitments { id } } } } }')).toEqual([]);
    expect(refusals('{ request(id: "r") { commitments { requests { commitments { requests { id } } } } } }')).toEqual(['queryComplexity']);
  });
});
