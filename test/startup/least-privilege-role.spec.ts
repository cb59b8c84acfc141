import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiProcess, apiRunToItsEnd, startApiProcess } from '../harness/api-process.js';
import { describeWithPostgres } from '../harness/postgres-reachable.js';
import { TEST_DATABASE_URL, asPostgres, dropSchemas } from '../harness/store-under-test.js';

const ROLE = `cf_least_${process.pid}`;
const SCHEMA = `cf_least_${process.pid}`;
const SECRET = 'least-privilege-secret-least-privilege!';
const describeIt = await describeWithPostgres('a role that may not create schemas');

/** The built API started as ROLE, run until it ends on its own. */
const startedAsRole = (dataDir: string) => {
  const url = new URL(TEST_DATABASE_URL);
  url.username = ROLE;
  const env = {
    AUTH_JWT_SECRET: SECRET,
    DATA_DIR: dataDir,
    EVENT_STORE: 'postgres',
    DATABASE_URL: url.toString(),
    DATABASE_SCHEMA: SCHEMA,
  };
  return apiRunToItsEnd(env);
};

/** An operator who gives the service's role its schemas, and no CREATE on the database. */
describeIt('starting as a role without CREATE on the database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-least-'));
  // A new role has no CREATE on a database: PostgreSQL grants PUBLIC only CONNECT and TEMPORARY there.
  beforeAll(() => asPostgres(`DROP ROLE IF EXISTS ${ROLE}`, `CREATE ROLE ${ROLE} LOGIN`));
  afterAll(async () => {
    await dropSchemas(TEST_DATABASE_URL, [SCHEMA, `${SCHEMA}_read`]);
    await asPostgres(`DROP ROLE IF EXISTS ${ROLE}`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses in one line naming DATABASE_URL, the role and the schemas it would have to make', async () => {
    const { code, stderr } = await startedAsRole(dataDir);
    expect({ code, lines: stderr.trim().split('\n') }).toEqual({
      code: 1,
      lines: [
        `Invalid configuration: DATABASE_URL connects as "${ROLE}", who may not create schemas ${SCHEMA} and ${SCHEMA}_read in database "${new URL(TEST_DATABASE_URL).pathname.slice(1)}": grant them CREATE on the database, or make the schemas beforehand owned by them (CREATE SCHEMA … AUTHORIZATION ${ROLE}); nothing was written`,
      ],
    });
  }, 90_000);

  it('refuses in one line, naming the grants, schemas another role made and did not let it use', async () => {
    await asPostgres(`CREATE SCHEMA ${SCHEMA}`, `CREATE SCHEMA ${SCHEMA}_read`);
    try {
      const { code, stderr } = await startedAsRole(dataDir);
      expect({ code, lines: stderr.trim().split('\n') }).toEqual({
        code: 1,
        lines: [
          `Invalid configuration: DATABASE_URL connects as "${ROLE}", who may not use and create tables in schemas ${SCHEMA} and ${SCHEMA}_read: grant them USAGE and CREATE there (and the tables in it), or connect as the role that made it; nothing was written`,
        ],
      });
    } finally {
      await dropSchemas(TEST_DATABASE_URL, [SCHEMA, `${SCHEMA}_read`]);
    }
  }, 90_000);

  it('serves on schemas made for it beforehand', async () => {
    await asPostgres(`CREATE SCHEMA ${SCHEMA} AUTHORIZATION ${ROLE}`, `CREATE SCHEMA ${SCHEMA}_read AUTHORIZATION ${ROLE}`);
    const url = new URL(TEST_DATABASE_URL);
    url.username = ROLE;
    const api: ApiProcess = await startApiProcess(
      {
        EVENT_STORE: 'postgres',
        DATABASE_URL: url.toString(),
        DATABASE_SCHEMA: SCHEMA,
        DATA_DIR: dataDir,
        AUTH_JWT_SECRET: SECRET,
      },
      { keepOutput: true },
    );
    try {
      expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
      // The start line names where the log is: the schema (never the URL, which may hold a password).
      expect(api.output()).toContain(`Customer-contact ledger on postgres (schema ${SCHEMA}, DATA_DIR ${dataDir}) at`);
    } finally {
      await api.kill();
    }
  }, 90_000);
});
