import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { apiRunToItsEnd } from '../harness/api-process.js';
import { TEST_DATABASE_URL, dropSchemas } from '../harness/store-under-test.js';

const SECRET = 'startup-secret-startup-secret-startup!';

/** The built API started with `env` and the test secret, run until it ends on its own. */
const startWith = (env: Record<string, string>) => apiRunToItsEnd({ AUTH_JWT_SECRET: SECRET, ...env });

const busyPort = (): Promise<Server> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, () => resolve(server));
  });

describe('starting the service with a wrong configuration', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-startup-'));
  const notADirectory = join(dataDir, 'a-file');
  writeFileSync(notADirectory, 'x');
  const onPostgres = (url: string) => ({ EVENT_STORE: 'postgres', DATABASE_URL: url, DATABASE_SCHEMA: 'cf_startup_never_made' });
  const url = new URL(TEST_DATABASE_URL);
  const withUrl = (change: (u: URL) => void): string => {
    const copy = new URL(url.toString());
    change(copy);
    return copy.toString();
  };
  // Concurrent cases start before any beforeAll hook: the busy port is a promise each may await.
  const busy = busyPort();
  // Another log's read models: a schema with the checkpoints table and no events table.
  const readModels = `cf_startup_${process.pid}_read`;
  const readModelsSchema = async (): Promise<string> => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${readModels}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${readModels}.projection_checkpoints (projection text)`);
    await client.end();
    return readModels;
  };
  /** A log migrated into a schema named `…_read`: the place another schema's read models would go. */
  const besideALog = `cf_startup_${process.pid}_beside`;
  const logWhereReadModelsGo = async (): Promise<string> => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${besideALog}_read`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${besideALog}_read.events (position bigint)`);
    await client.end();
    return besideALog;
  };
  afterAll(async () => {
    await dropSchemas(TEST_DATABASE_URL, [readModels, `${besideALog}_read`, besideALog]);
    (await busy).close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cases: [string, () => Record<string, string> | Promise<Record<string, string>>, RegExp][] = [
    ['an unknown store', () => ({ EVENT_STORE: 'mongo' }), /^Invalid configuration: EVENT_STORE must be one of/],
    ['a port that is no number', () => ({ PORT: 'eighty' }), /^Invalid configuration: PORT must be a whole number/],
    ['an empty port', () => ({ PORT: '' }), /^Invalid configuration: PORT must be a whole number from 0 to 65535 \(got ""\)$/],
    [
      'a port in use',
      async () => ({ PORT: String(((await busy).address() as { port: number }).port) }),
      /^Invalid configuration: PORT \d+ is already in use/,
    ],
    ['a short secret', () => ({ AUTH_JWT_SECRET: 'short' }), /^Invalid configuration: AUTH_JWT_SECRET must be at least 32/],
    ['no rate', () => ({ RATE_LIMIT_PER_MINUTE: '0' }), /^Invalid configuration: RATE_LIMIT_PER_MINUTE must be/],
    [
      'a word in the webhook retry schedule',
      () => ({ WEBHOOK_RETRY_SECONDS: '1,soon' }),
      /^Invalid configuration: WEBHOOK_RETRY_SECONDS must list numbers of seconds above 0/,
    ],
    [
      'an empty step in the webhook retry schedule',
      () => ({ WEBHOOK_RETRY_SECONDS: '1,,2' }),
      /^Invalid configuration: WEBHOOK_RETRY_SECONDS must list numbers of seconds above 0, separated by commas \(got "1,,2"\)$/,
    ],
    [
      'a webhook timeout longer than a timer can wait',
      () => ({ WEBHOOK_TIMEOUT_MS: '3000000000' }),
      /^Invalid configuration: WEBHOOK_TIMEOUT_MS must be a number above 0 and at most 2147483647 \(got "3000000000"\)$/,
    ],
    [
      'a fraction of a webhook attempt',
      () => ({ WEBHOOK_CONCURRENCY: '2.5' }),
      /^Invalid configuration: WEBHOOK_CONCURRENCY must be a whole number of at least 1 \(got "2\.5"\)$/,
    ],
    [
      'a yes for introspection',
      () => ({ GRAPHQL_INTROSPECTION: 'yes' }),
      /^Invalid configuration: GRAPHQL_INTROSPECTION must be on or off/,
    ],
    [
      'a file as DATA_DIR',
      () => ({ DATA_DIR: join(notADirectory, 'data') }),
      /^Invalid configuration: DATA_DIR is not a directory this process can write/,
    ],
    [
      // Node's mkdir -p spins forever where the parent answers ENOENT for any child.
      'a DATA_DIR under /proc',
      () => ({ DATA_DIR: '/proc/nope/data' }),
      /^Invalid configuration: DATA_DIR is not a directory this process can write \(\/proc\/nope\/data: /,
    ],
    ['PostgreSQL without DATABASE_URL', () => ({ EVENT_STORE: 'postgres' }), /^Invalid configuration: DATABASE_URL is required/],
    [
      'EventStoreDB without a connection string',
      () => ({ EVENT_STORE: 'eventstoredb' }),
      /^Invalid configuration: EVENTSTORE_CONNECTION_STRING is required/,
    ],
    [
      'an EventStoreDB nothing answers for',
      () => ({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false' }),
      /^Invalid configuration: EVENTSTORE_CONNECTION_STRING reaches no EventStoreDB that answers/,
    ],
    [
      'a traces endpoint that is no URL',
      () => ({ OTEL_EXPORTER_OTLP_ENDPOINT: 'notaurl' }),
      /^Invalid configuration: OTEL_EXPORTER_OTLP_ENDPOINT must be an http or https URL/,
    ],
    [
      'an unknown OTLP protocol',
      () => ({ OTEL_EXPORTER_OTLP_PROTOCOL: 'carrier-pigeon' }),
      /^Invalid configuration: OTEL_EXPORTER_OTLP_PROTOCOL must be one of grpc, http\/protobuf, http\/json/,
    ],
    [
      'an EventStoreDB connection string that is none',
      () => ({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'notaurl' }),
      /^Invalid configuration: EVENTSTORE_CONNECTION_STRING reaches no EventStoreDB that answers/,
    ],
    ['a MySQL URL', () => onPostgres('mysql://root@127.0.0.1:3306/test'), /^Invalid configuration: DATABASE_URL must be a postgres:\/\//],
    [
      'a DATABASE_URL whose port is no number',
      () => onPostgres('postgres://postgres@127.0.0.1:notaport/test'),
      /^Invalid configuration: DATABASE_URL is not a URL: a port is a number from 1 to 65535/,
    ],
    [
      'a bad schema name',
      () => ({ ...onPostgres(TEST_DATABASE_URL), DATABASE_SCHEMA: 'Bad-Name' }),
      /^Invalid configuration: DATABASE_SCHEMA must be/,
    ],
    [
      "one of PostgreSQL's own schemas",
      () => ({ ...onPostgres(TEST_DATABASE_URL), DATABASE_SCHEMA: 'pg_ledger' }),
      /^Invalid configuration: DATABASE_SCHEMA names a schema PostgreSQL keeps for itself/,
    ],
    [
      "another log's read-model schema",
      async () => ({ ...onPostgres(TEST_DATABASE_URL), DATABASE_SCHEMA: await readModelsSchema() }),
      /^Invalid configuration: DATABASE_SCHEMA names cf_startup_\d+_read, which holds another log's read models and no log/,
    ],
    [
      'a schema whose read models would go among another log',
      async () => ({ ...onPostgres(TEST_DATABASE_URL), DATABASE_SCHEMA: await logWhereReadModelsGo() }),
      /^Invalid configuration: DATABASE_SCHEMA names cf_startup_\d+_beside, whose read models would go to cf_startup_\d+_beside_read, which holds another log/,
    ],
    [
      'a port nothing listens on',
      () => onPostgres(withUrl((u) => (u.port = '1'))),
      /^Invalid configuration: DATABASE_URL reaches nothing at 127\.0\.0\.1:1/,
    ],
    [
      'a database that does not exist',
      () => onPostgres(withUrl((u) => (u.pathname = '/no_such_database'))),
      /^Invalid configuration: DATABASE_URL names database "no_such_database", which does not exist/,
    ],
    [
      'a user that does not exist',
      () => onPostgres(withUrl((u) => (u.username = 'no_such_user'))),
      /^Invalid configuration: DATABASE_URL names user "no_such_user"/,
    ],
  ];

  // Each case is a start of Node that ends at once, about a second of CPU: several at a time (jest's maxConcurrency) keep both cores busy.
  it.concurrent.each(cases)(
    'with %s, exits with one line naming the variable',
    async (_label, env, expected) => {
      const { code, stderr } = await startWith({ DATA_DIR: dataDir, ...(await env()) });
      expect(code).toBe(1);
      const lines = stderr.trim().split('\n');
      expect({ lines: lines.length, line: lines[0] }).toEqual({ lines: 1, line: expect.stringMatching(expected) });
      expect(stderr).not.toContain(SECRET);
    },
    90_000,
  );

  it('with a port in use, exits before it makes a data directory, a store or a secret', async () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'cf-startup-port-')), 'data');
    try {
      const { code } = await startWith({ DATA_DIR: fresh, PORT: String(((await busy).address() as { port: number }).port) });
      expect({ code, made: existsSync(fresh) }).toEqual({ code: 1, made: false });
    } finally {
      rmSync(dirname(fresh), { recursive: true, force: true });
    }
  }, 90_000);

  it('with a PostgreSQL that cannot be reached, takes back the data directory it made, its parent too', async () => {
    const top = mkdtempSync(join(tmpdir(), 'cf-startup-unreached-'));
    const fresh = join(top, 'made', 'data');
    try {
      const { code, stderr } = await startWith({ DATA_DIR: fresh, ...onPostgres(withUrl((u) => (u.port = '1'))) });
      expect({ code, line: stderr.trim(), left: readdirSync(top) }).toEqual({
        code: 1,
        line: expect.stringMatching(/^Invalid configuration: DATABASE_URL reaches nothing/),
        left: [],
      });
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  }, 90_000);

  it('with an events.sqlite that is no database, exits with one line naming DATA_DIR and makes no file beside it', async () => {
    const garbled = mkdtempSync(join(tmpdir(), 'cf-startup-garbled-'));
    try {
      writeFileSync(join(garbled, 'events.sqlite'), 'not a database');
      const { code, stderr } = await startWith({ DATA_DIR: garbled });
      expect({ code, lines: stderr.trim().split('\n') }).toEqual({
        code: 1,
        lines: [expect.stringMatching(/^Invalid configuration: DATA_DIR holds an events\.sqlite that is not a SQLite database: /)],
      });
      expect(readdirSync(garbled)).toEqual(['events.sqlite']);
    } finally {
      rmSync(garbled, { recursive: true, force: true });
    }
  }, 90_000);
});
