import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuiltCli } from '../harness/built-cli.js';
import { oneEventExportLine } from '../harness/one-event-export.js';
import { describeWithPostgres } from '../harness/postgres-reachable.js';
import { TEST_DATABASE_URL, asPostgres, dropSchemas } from '../harness/store-under-test.js';

const READER = `cf_reader_${process.pid}`;
const SCHEMA = `cf_read_only_${process.pid}`;
const SECRET = 'read-only-role-secret-read-only-role-secret';
const describeIt = await describeWithPostgres('export and verify as a role that may only read the log');

/** An auditor's role: it may read the log's tables, and change nothing. */
describeIt('export and verify as a role that may only read the log', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'cf-read-only-'));
  /** An auditor's DATA_DIR is nowhere: reading the log needs none, and none is made. */
  const nowhere = join(scratch, 'never-made');
  const env = (user?: string): Record<string, string> => {
    const url = new URL(TEST_DATABASE_URL);
    if (user) url.username = user;
    return {
      EVENT_STORE: 'postgres',
      DATABASE_URL: url.toString(),
      DATABASE_SCHEMA: SCHEMA,
      DATA_DIR: user ? nowhere : scratch,
      AUTH_JWT_SECRET: SECRET,
    };
  };
  beforeAll(async () => {
    const anExport = join(scratch, 'one-event.ndjson');
    writeFileSync(anExport, `${oneEventExportLine}\n`);
    expect((await runBuiltCli(env(), 'import', anExport)).code).toBe(0);
    await asPostgres(
      `DROP ROLE IF EXISTS ${READER}`,
      `CREATE ROLE ${READER} LOGIN`,
      `GRANT USAGE ON SCHEMA ${SCHEMA} TO ${READER}`,
      `GRANT SELECT ON ALL TABLES IN SCHEMA ${SCHEMA} TO ${READER}`,
    );
  }, 60_000);
  afterAll(async () => {
    await dropSchemas(TEST_DATABASE_URL, [SCHEMA, `${SCHEMA}_read`]);
    await asPostgres(`DROP OWNED BY ${READER}`, `DROP ROLE IF EXISTS ${READER}`);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('verifies every chain', async () => {
    expect(await runBuiltCli(env(READER), 'verify')).toEqual({
      code: 0,
      lines: expect.arrayContaining(['verified 1 events in 1 streams: every chain holds']),
    });
    expect(existsSync(nowhere)).toBe(false);
  }, 30_000);

  it('exports the log as stored', async () => {
    const out = join(scratch, 'exported.ndjson');
    expect(await runBuiltCli(env(READER), 'export', '--out', out)).toEqual({
      code: 0,
      lines: expect.arrayContaining([`exported 1 events to ${out}`]),
    });
    // The same event, its hash too (PostgreSQL keeps JSON keys in an order of its own).
    expect(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([JSON.parse(oneEventExportLine)]);
  }, 30_000);

  it('refuses to verify, naming the grant, as a role that may not read whether an import left the log unfinished', async () => {
    await asPostgres(`REVOKE SELECT ON ${SCHEMA}.unfinished_fill FROM ${READER}`);
    try {
      expect(await runBuiltCli(env(READER), 'verify')).toEqual({
        code: 1,
        lines: [
          `this role may not read ${SCHEMA}.unfinished_fill, which tells whether an import or migrate left the log unfinished: grant it SELECT on ${SCHEMA}.unfinished_fill`,
        ],
      });
    } finally {
      await asPostgres(`GRANT SELECT ON ${SCHEMA}.unfinished_fill TO ${READER}`);
    }
  }, 30_000);

  it("refuses in one line, naming the grant, a role that may not use the log's schema", async () => {
    await asPostgres(`REVOKE USAGE ON SCHEMA ${SCHEMA} FROM ${READER}`);
    try {
      expect(await runBuiltCli(env(READER), 'verify')).toEqual({
        code: 1,
        lines: [
          `Invalid configuration: DATABASE_URL connects as "${READER}", who may not use schema ${SCHEMA}: grant them USAGE on it and SELECT on its tables; nothing was written`,
        ],
      });
    } finally {
      await asPostgres(`GRANT USAGE ON SCHEMA ${SCHEMA} TO ${READER}`);
    }
  }, 30_000);
});
