import fc from 'fast-check';
import { SignJWT } from 'jose';
import { INJECTIONS, nested } from './hostile-values.js';

/** One HTTP request as the fuzzer sends it. */
export interface FuzzRequest {
  label: string;
  method: 'POST' | 'GET';
  /** Query string for GET. */
  search?: string;
  headers: Record<string, string>;
  body?: string;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const post = (label: string, body: string, headers: Record<string, string> = JSON_TYPE): FuzzRequest => ({
  label,
  method: 'POST',
  headers,
  body,
});
const doc = (label: string, query: string, variables: unknown = {}): FuzzRequest => post(label, JSON.stringify({ query, variables }));

const depthDoc = (depth: number): string => `{ projects { edges { node { ${'members { '.repeat(depth)}userId${' }'.repeat(depth)} } } } }`;

/** Requests no well-behaved portal sends: broken bodies, abusive documents, odd methods. */
export const RAW_REQUESTS: FuzzRequest[] = [
  post('empty body', ''),
  post('truncated json', '{"query": "{ projects'),
  post('json null', 'null'),
  post('json string', '"{ __typename }"'),
  post('json number', '1e400'),
  post('query is a number', '{"query": 5}'),
  post('query is an object', '{"query": {"$gt": ""}}'),
  post('variables is a string', '{"query": "query Q($id: ID!) { project(id: $id) { id } }", "variables": "x"}'),
  post('deeply nested body', `{"query": "{ __typename }", "variables": ${nested(50_000, 'object').text}}`),
  post('deeply nested array body', `{"query": "{ __typename }", "variables": {"v": ${nested(100_000, 'array').text}}}`),
  post('batched operations', JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ projects { edges { cursor } } }' })))),
  post('form body', 'query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }),
  post('text body', '{ __typename }', { 'content-type': 'text/plain' }),
  post('no content type', '{"query": "{ __typename }"}', {}),
  post('duplicate keys', '{"query": "{ __typename }", "query": "mutation { __typename }"}'),
  post('proto pollution body', '{"query": "{ __typename }", "__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}'),
  doc('syntax error', '{ projects { '),
  doc('unknown field', '{ events { data } }'),
  doc('sql in document', '{ project(id: "\' OR 1=1 --") { id } }'),
  doc('nesting 11', depthDoc(11)),
  doc('nesting 500', depthDoc(500)),
  doc('nesting 20000 braces', `{ ${'a { '.repeat(20_000)}b${' }'.repeat(20_000)} }`),
  doc('nesting 100000 lists', `query Q($v: ${'['.repeat(100_000)}ID${']'.repeat(100_000)}) { __typename }`),
  doc('alias flood', `{ ${Array.from({ length: 5_000 }, (_, i) => `a${i}: projects(first: 500) { edges { cursor } }`).join(' ')} }`),
  doc('directive flood', `{ __typename ${'@include(if: true) '.repeat(20_000)}}`),
  doc('fragment cycle', 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
  doc(
    'fragment fan-out',
    `query { ...F0 } ${Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { projects { edges { cursor } } ${i < 29 ? `...F${i + 1} ...F${i + 1}` : ''} }`).join(' ')}`,
  ),
  doc('huge string literal', `{ project(id: "${'x'.repeat(900_000)}") { id } }`),
  post(
    'too many variable errors',
    JSON.stringify({
      query: 'query Q($ids: [ID!]!) { projects(first: 1) { edges { cursor } } r: __type(name: "x") { name } } ',
      variables: {},
    }),
  ),
  post(
    'too many list item errors',
    JSON.stringify({
      query: 'mutation M($input: MakeCommitmentInput!) { makeCommitment(input: $input) { position } }',
      variables: {
        input: { projectId: 'x', summary: 's', madeToId: 'y', estimateHours: 1, requestIds: Array.from({ length: 80 }, () => ({})) },
      },
    }),
  ),
  doc('introspection', '{ __schema { types { name fields { name } } } }'),
  doc('unknown operation name', 'query A { __typename } query B { __typename }'),
  doc('first too big', '{ projects(first: 100000) { edges { cursor } } }'),
  doc('first negative', '{ projects(first: -5) { edges { cursor } } }'),
  doc('cursor garbage', '{ projects(first: 5, after: "\' OR 1=1; --") { edges { cursor } } }'),
  doc('subscription over http', 'subscription { projectActivity(projectId: "x") { position } }'),
  {
    label: 'GET mutation',
    method: 'GET',
    search: `query=${encodeURIComponent('mutation { openProject(input: {name: "x", customerName: "y", budgetHours: 1}) { position } }')}`,
    headers: {},
  },
  {
    label: 'GET query',
    method: 'GET',
    search: `query=${encodeURIComponent('{ projects { edges { cursor } } }')}`,
    headers: { 'apollo-require-preflight': 'true' },
  },
  ...INJECTIONS.slice(0, 12).map((text) =>
    doc(`injection as id ${text.slice(0, 12)}`, 'query Q($id: ID!) { project(id: $id) { id name } }', { id: text }),
  ),
];

const otherSecret = 'another-secret-another-secret-another!';

/** Authorization headers a client might forge or break. */
export const hostileAuthorizations = async (): Promise<string[]> => {
  const forged = await new SignJWT({ sub: 'fuzz-alice', name: 'A' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(otherSecret));
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ sub: 'fuzz-alice', name: 'A' })).toString('base64url');
  return [
    '',
    'Bearer',
    'Bearer ',
    'Basic Zm9vOmJhcg==',
    'Bearer a.b.c',
    `Bearer ${header}.${payload}.`,
    `Bearer ${forged}`,
    `Bearer ${'x'.repeat(8_000)}`,
    "Bearer ' OR 1=1 --",
  ];
};

export const rawRequest: fc.Arbitrary<FuzzRequest> = fc.constantFrom(...RAW_REQUESTS);
