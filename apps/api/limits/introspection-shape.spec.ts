import { readFileSync } from 'node:fs';
import { type ValidationRule, buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { introspectionShapeLimited } from './introspection-shape.js';
import { operationRefusals } from './operation-limits.js';

const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
const refusals = (query: string) =>
  operationRefusals(schema, parse(query), {}, undefined, { introspection: true }).map((e) => [e.extensions.rule, e.message]);
const nested = (times: number, open: string, leaf: string) => `${open.repeat(times)} ${leaf} ${'}'.repeat(times)}`;

describe('the shape of introspection', () => {
  it("lets graphql-js's own introspection query through, with every option, as schema tools send it", () => {
    expect(refusals(getIntrospectionQuery())).toEqual([]);
    const everything = { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true };
    expect(refusals(getIntrospectionQuery({ ...everything, inputValueDeprecation: true, oneOf: true }))).toEqual([]);
  });

  it('refuses lists nested in lists past types { fields { args, whatever the depth', () => {
    expect(refusals(`{ __schema { types { fields { args { name } } } } }`)).toEqual([]);
    expect(refusals(`{ __schema { types { fields { type { ofType { fields { name } } } } } } }`)).toEqual([]);
    expect(refusals(`{ __schema { types { fields { type { ofType { fields { args { name } } } } } } } }`)).toEqual([
      ['queryDepth', 'Introspection may nest at most 3 lists (types, fields, args …) in one another'],
    ]);
    const throughFragments = `{ __schema { ...T } } fragment T on __Schema { types { ...F } } fragment F on __Type { fields { ...A } interfaces { fields { name } } }
      fragment A on __Field { args { name } type { fields { args { name } } } }`;
    expect(refusals(throughFragments).map(([rule]) => rule)).toEqual(['queryDepth']);
  });

  it('refuses an ofType chain past 24 fields, and other fields past 10 as before', () => {
    expect(refusals(`{ __schema { queryType { ${nested(21, 'ofType {', 'name')} } } }`)).toEqual([]);
    expect(refusals(`{ __schema { queryType { ${nested(22, 'ofType {', 'name')} } } }`)).toEqual([
      ['queryDepth', 'Introspection depth limit of 24 exceeded'],
    ]);
    expect(refusals(`{ projects { edges { node { id } } } }`)).toEqual([]);
    expect(refusals(`{ a: __type(name: "Query") { ${nested(9, 'ofType {', 'name')} } }`).map(([rule]) => rule)).toEqual(['queryDepth']);
  });

  it('walks a fragment once from each place, however often it is spread: no doubling per fragment', () => {
    const doubling = (on: string, root: string, leaf: string, n = 20) =>
      [
        `query { ${root} }`,
        ...Array.from({ length: n }, (_, i) => `fragment F${i} on ${on} { ...F${i + 1} ...F${i + 1} }`),
        `fragment F${n} on ${on} { ${leaf} }`,
      ].join('\n');
    for (const document of [doubling('__Schema', '__schema { ...F0 }', 'description'), doubling('Query', '...F0', '__typename')]) {
      let lookups = 0;
      const counted: ValidationRule = (context) =>
        introspectionShapeLimited(
          Object.create(context, { getFragment: { value: (name: string) => (lookups++, context.getFragment(name)) } }) as typeof context,
        );
      expect(validate(schema, parse(document), [counted])).toEqual([]);
      expect(lookups).toBeLessThanOrEqual(21);
    }
  });
});
