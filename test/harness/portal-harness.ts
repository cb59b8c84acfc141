import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { EventSourcing, type LedgerConfig, loadConfig, signToken } from '@cf/ledger';
import { createApp } from '../../apps/api/bootstrap.js';
import { loadOperationsConfig } from '../../apps/api/observability/operations-config.js';
import { portalOperation } from './portal-operations.js';
import { TEST_DATABASE_URL, dropSchemas } from './store-under-test.js';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret!';

export interface GraphQLAnswer<Data = Record<string, any>> {
  status: number;
  data?: Data;
  errors?: { message: string; path?: string[]; extensions: { code: string; [key: string]: unknown } }[];
}

/** The real app over real HTTP on 127.0.0.1, with a real SQLite store in a temporary directory. */
export interface Portal {
  url: string;
  dataDir: string;
  config: LedgerConfig;
  app: INestApplication;
  /** A bearer token for a user (any id; roles come from project membership). */
  tokenFor(userId: string, name?: string): Promise<string>;
  /** Sends any GraphQL document. */
  graphql<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLAnswer<Data>>;
  /** Sends one operation of test/portal/operations.graphql by name, exactly as the portal writes it. */
  send<Data = Record<string, any>>(operation: string, variables: Record<string, unknown>, token: string): Promise<GraphQLAnswer<Data>>;
  /** Like send, but fails the test with the errors when there are any, and returns data. */
  ok<Data = Record<string, any>>(operation: string, variables: Record<string, unknown>, token: string): Promise<Data>;
  close(): Promise<void>;
  /** What close does after closing the app: for a test that closes the app itself. */
  removeStore(): Promise<void>;
}

let portals = 0;
/**
 * Each test file loads this module anew in the same worker process, so the counter starts again
 * at 0 under the same pid: the time this module was loaded keeps one file's schemas apart from
 * another's, and from a killed run's left behind under a pid used again.
 */
const loaded = Date.now().toString(36);

/** With EVENT_STORE=postgres every portal gets schemas of its own on the test database. */
const storeEnvironment = (): Record<string, string> =>
  process.env.EVENT_STORE === 'postgres'
    ? {
        EVENT_STORE: 'postgres',
        DATABASE_URL: TEST_DATABASE_URL,
        DATABASE_SCHEMA: `cf_e2e_${process.pid}_${loaded}_${portals++}`,
      }
    : { EVENT_STORE: 'sqlite' };

/** Closes the app, then removes its store, even when closing the app fails (that failure is then the one reported). */
const closedWithStore = (app: INestApplication, removeStore: () => Promise<void>) => async (): Promise<void> => {
  try {
    await app.close();
  } finally {
    await removeStore();
  }
};

export const startPortal = async (
  /** servingAtOnce false: answer once listening, while a leader may still catch up (operations refused). */
  options: { dataDir?: string; env?: Record<string, string>; servingAtOnce?: false } = {},
): Promise<Portal> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cf-portal-'));
  const config = loadConfig({
    ...process.env,
    ...storeEnvironment(),
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    PORT: '0',
    ...options.env,
  });
  const app = await createApp(config, { logger: false, operations: loadOperationsConfig({ ...process.env, ...options.env }) });
  const removeStore = async () => {
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (config.eventStore === 'postgres') await dropSchemas(config.databaseUrl!, [config.databaseSchema, `${config.databaseSchema}_read`]);
  };
  const close = closedWithStore(app, removeStore);
  await app.listen(0, '127.0.0.1');
  // As a client waits for /health/ready; read models that keep failing to catch up fail the test with the
  // reason, leaving no app or store behind.
  if (options.servingAtOnce !== false)
    await app
      .get(EventSourcing)
      .runner.whenCaughtUp()
      .catch(async (error: unknown) => {
        await close();
        throw error;
      });
  const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`;
  const graphql: Portal['graphql'] = async (query, variables = {}, token, headers = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  const send: Portal['send'] = (operation, variables, token) => graphql(portalOperation(operation), variables, token);
  return {
    url,
    dataDir,
    config,
    app,
    tokenFor: (userId, name = userId) => signToken(TEST_JWT_SECRET, { userId, name }),
    graphql,
    send,
    ok: async (operation, variables, token) => {
      const answer = await send(operation, variables, token);
      if (answer.errors) throw new Error(`${operation} failed: ${JSON.stringify(answer.errors)}`);
      return answer.data as never;
    },
    close,
    removeStore,
  };
};
