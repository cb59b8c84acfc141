import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { EventSourcing } from '@cf/ledger';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { portalOperation, portalOperations } from '../harness/portal-operations.js';
import { breachesOf, readAnswer } from './fuzz-checks.js';
import { type FuzzWorld, idsOf, setUpWorld } from './fuzz-world.js';
import { serialize } from './hostile-values.js';
import { apiSchema, variablesFor } from './input-arbitraries.js';
import { type FuzzRequest, RAW_REQUESTS, hostileAuthorizations, rawRequest } from './raw-requests.js';
import { overWebSocket, rawOverWebSocket } from '../harness/graphql-ws-client.js';

/**
 * At least 1,000 random malformed or hostile requests against the real app over HTTP: never a
 * 5xx, never an internal detail in the answer, only documented error codes, and nothing
 * appended for a refused request. FUZZ_SEED=<n> replays a run; FUZZ_RUNS=<n> changes its size.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_100);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Far above any honest answer even on a busy machine; an exponential or quadratic path takes minutes. */
const SLOW_MS = 5_000;

describe('GraphQL API under hostile input (fuzz)', () => {
  let portal: Portal;
  let world: FuzzWorld;
  beforeAll(async () => {
    // Forged tokens count per address: raised too, so that they reach the guard and are refused there.
    portal = await startPortal({ env: { RATE_LIMIT_PER_MINUTE: '1000000', ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000' } });
    world = await setUpWorld(portal);
  }, 60_000);
  afterAll(() => portal?.close());

  const requests = async (): Promise<fc.Arbitrary<FuzzRequest>> => {
    const schema = apiSchema();
    const ids = { mine: idsOf(world.mine), theirs: idsOf(world.theirs) };
    const operations = portalOperations().filter((o) => o.operation !== 'subscription' && o.name);
    const forged = await hostileAuthorizations();
    const authorization = fc.oneof(
      { arbitrary: fc.constant(`Bearer ${world.mine.token}`), weight: 14 },
      { arbitrary: fc.constant(`Bearer ${world.theirs.token}`), weight: 2 },
      { arbitrary: fc.constant(`Bearer ${world.strangerToken}`), weight: 1 },
      { arbitrary: fc.constantFrom(...forged), weight: 2 },
    );
    const extraHeaders = fc.oneof(
      { arbitrary: fc.constant({}), weight: 10 },
      { arbitrary: fc.constantFrom('0', '1', 'abc', '-1', '1e3', ' 1', '1 2').map((v) => ({ 'x-min-position': v })), weight: 1 },
      { arbitrary: fc.constantFrom('x'.repeat(4_000), "' OR 1=1").map((v) => ({ 'x-correlation-id': v })), weight: 1 },
    );
    const operation = fc.constantFrom(...operations).chain((o) =>
      variablesFor(schema, o, ids).map((variables): FuzzRequest => ({
        label: o.name!.value,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: serialize({ query: portalOperation(o.name!.value), variables }),
      })),
    );
    return fc
      .tuple(fc.oneof({ arbitrary: operation, weight: 9 }, { arbitrary: rawRequest, weight: 1 }), authorization, extraHeaders)
      .map(([request, auth, extra]) => ({
        ...request,
        headers: { ...request.headers, ...(auth ? { authorization: auth } : {}), ...extra },
      }));
  };

  it(`answers ${RUNS} hostile requests without a 5xx, a leak, an undocumented code or a write on refusal`, async () => {
    const store = portal.app.get(EventSourcing).store;
    // Every abusive document once for certain (regressions: fragment fan-out, stack overflow, alias flood), then the random mix.
    const everyRaw = RAW_REQUESTS.map((r) => ({ ...r, headers: { ...r.headers, authorization: `Bearer ${world.mine.token}` } }));
    const samples = [...everyRaw, ...fc.sample(await requests(), { numRuns: RUNS, seed: SEED })];
    const findings: string[] = [];
    const labels = new Map<string, number>();
    for (const request of samples) {
      const before = await store.headPosition();
      const url = request.method === 'GET' ? `${portal.url}?${request.search}` : portal.url;
      let answer;
      const started = Date.now();
      if (process.env.FUZZ_TRACE) appendFileSync(process.env.FUZZ_TRACE, `${started} ${request.label} ${request.body?.length ?? 0}\n`);
      try {
        answer = await readAnswer(await fetch(url, { method: request.method, headers: request.headers, body: request.body }));
      } catch (error) {
        findings.push(
          `${request.label}: no answer (${String((error as { cause?: unknown }).cause ?? error)}; ${request.body?.length ?? 0} bytes, headers ${JSON.stringify(request.headers).length})`,
        );
        continue;
      }
      const after = await store.headPosition();
      if (process.env.FUZZ_TRACE && Date.now() - started > SLOW_MS)
        appendFileSync(`${process.env.FUZZ_TRACE}.slow`, `${JSON.stringify(request)}\n`);
      if (Date.now() - started > SLOW_MS)
        findings.push(`${request.label}: took ${Date.now() - started} ms (${request.body?.length ?? 0} bytes)`);
      const sent = `${request.search ?? ''}${request.body ?? ''}`;
      for (const breach of breachesOf(answer, sent, before, after)) findings.push(`${request.label}: ${breach}`);
      labels.set(request.label, (labels.get(request.label) ?? 0) + 1);
    }
    if (findings.length > 0)
      console.error(`fuzz seed ${SEED}: ${findings.length} findings\n${[...new Set(findings)].slice(0, 30).join('\n')}`);
    expect(samples.length).toBeGreaterThanOrEqual(Math.min(RUNS, 1_000));
    expect(labels.size).toBeGreaterThan(20);
    expect({ seed: SEED, findings: [...new Set(findings)].slice(0, 20) }).toEqual({ seed: SEED, findings: [] });
  }, 300_000);

  it('answers every hostile document over graphql-ws too, the same way', async () => {
    const store = portal.app.get(EventSourcing).store;
    // The same bytes as the HTTP bodies, as subscribe payloads; bodies that are no JSON object have no graphql-ws form.
    const documents = RAW_REQUESTS.filter((request) => request.method === 'POST' && /^\{"query"/.test(request.body ?? ''));
    const findings: string[] = [];
    for (const { label, body } of documents) {
      const sent = body!;
      const before = await store.headPosition();
      const started = Date.now();
      const answer = await Promise.race([
        rawOverWebSocket(portal.url, sent, world.mine.token),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), SLOW_MS)),
      ]);
      if (!answer) {
        findings.push(`${label}: no answer over graphql-ws in ${SLOW_MS} ms`);
        continue;
      }
      if (Date.now() - started > SLOW_MS) findings.push(`${label}: took ${Date.now() - started} ms over graphql-ws`);
      // A close the server chose for the client's fault (4400 bad message, 1009 too big) is a refusal; 4500 is an internal error.
      const status = answer.closed ? (answer.closed.code === 4500 ? 500 : 400) : 200;
      const json = { data: answer.data, errors: answer.errors };
      const text = JSON.stringify({ ...json, closed: answer.closed });
      for (const breach of breachesOf({ status, text, json }, sent, before, await store.headPosition()))
        findings.push(`${label} (graphql-ws): ${breach}`);
    }
    expect(documents.length).toBeGreaterThan(30);
    expect(findings).toEqual([]);
    expect((await overWebSocket(portal.url, '{ projects { totalCount } }', {}, world.mine.token)).errors).toBeUndefined();
  }, 300_000);
});
