import { rmSync } from 'node:fs';
import pg from 'pg';
import { signToken } from '@cf/ledger';
import { type ApiProcess, sendOperation as send, startApiProcess } from '../harness/api-process.js';
import { dropSchemas } from '../harness/store-under-test.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECRET = 'budget-race-secret-budget-race-0123';
const SCHEMA = `cf_budget_race_${process.pid}`;
const env = { EVENT_STORE: 'postgres', DATABASE_URL, DATABASE_SCHEMA: SCHEMA, AUTH_JWT_SECRET: SECRET, DATA_DIR: `/tmp/${SCHEMA}` };
const ROUNDS = 3;
const PROMISES = 24;

const probe = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3_000 });
const unreachable = await probe.connect().then(
  () => undefined,
  (error: Error) => error.message,
);
await probe.end().catch(() => undefined);
if (unreachable) console.warn(`budget race NOT RUN: PostgreSQL unreachable at ${DATABASE_URL}: ${unreachable}`);
const describeWithPostgres = unreachable && process.env.CI !== 'true' ? describe.skip : describe;

interface Answer {
  data?: { makeCommitment: { commitment: { id: string; estimateHours: number; outsideBudget: boolean } } };
  errors?: { extensions: { code: string } }[];
}

/**
 * Two API instances on one PostgreSQL database take concurrent promises of 10 h against a reserve of
 * 100 h: every decision on the budget is appended under the budget stream's revision, so whichever
 * instance a promise reaches, no two are judged on the same picture.
 */
describeWithPostgres('concurrent commitments through two instances on one PostgreSQL', () => {
  let instances: ApiProcess[] = [];
  let token: string;
  beforeAll(async () => {
    token = await signToken(SECRET, { userId: 'maria', name: 'Maria' });
    instances = [await startApiProcess(env), await startApiProcess(env)];
  });
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.kill('SIGKILL')));
    await dropSchemas(DATABASE_URL, [SCHEMA, `${SCHEMA}_read`]);
    // The instances' data directory, like their schemas, goes with the test.
    rmSync(env.DATA_DIR, { recursive: true, force: true });
  });

  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))('never draws more than the reserve, and uses all of it (round %i)', async () => {
    const opened = await send(instances[0], 'OpenProject', { input: { name: 'Race', customerName: 'ACME', budgetHours: 100 } }, token);
    const projectId = opened.data!.openProject.project.id;
    const contact = await send(
      instances[1],
      'RegisterContact',
      {
        input: {
          projectId,
          name: 'Dora Decider',
          role: 'DECISION_MAKER',
          canApproveScope: true,
        },
      },
      token,
      { 'x-min-position': opened.data!.openProject.position },
    );
    const madeToId = contact.data!.registerContact.contact.id;
    const ready = { 'x-min-position': contact.data!.registerContact.position };
    const answers = (await Promise.all(
      Array.from({ length: PROMISES }, (_, i) =>
        send(
          instances[i % 2],
          'MakeCommitment',
          {
            input: { projectId, summary: `Promise ${i}`, madeToId, estimateHours: 10 },
          },
          token,
          ready,
        ),
      ),
    )) as Answer[];

    const refused = answers.filter((a) => a.errors).map((a) => a.errors![0].extensions.code);
    expect(refused.filter((code) => code !== 'CONFLICT')).toEqual([]);
    const made = answers.flatMap((a) => (a.data ? [a.data.makeCommitment.commitment] : []));
    const inside = made.filter((c) => !c.outsideBudget).reduce((hours, c) => hours + c.estimateHours, 0);
    expect(made.length).toBeGreaterThanOrEqual(10);
    expect(inside).toBe(100);
    const listed = await send(instances[0], 'Commitments', { projectId, first: 100, filter: { outsideBudget: false } }, token);
    expect(listed.data!.commitments.totalCount).toBe(10);
  });
});
