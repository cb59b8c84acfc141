import 'reflect-metadata';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { requireWholeLog, unmakeDirectories } from '@cf/event-store';
import { EventSourcing, type LedgerConfig, loadConfig, openEventStore, shareStoreToServe, signToken } from '@cf/ledger';
import { loadDeliverySettings } from '@cf/webhooks';
import type { Logger } from 'pino';
import { createApp } from './bootstrap.js';
import { loadOperationsConfig } from './observability/operations-config.js';
import { OPERATIONS_LOG } from './logging/operations-log.js';
import { reachStore, startupProblem } from './startup-checks.js';
import { stopOnSignals } from './shutdown/stop-on-signals.js';
import { GraphqlWsTransport } from './limits/graphql-ws.transport.js';
import { startTracing } from './tracing/tracing.js';

let config: LedgerConfig | undefined;

/**
 * Nest's app.listen would also log a port in use with its stack; here it is reported once, as a
 * setting. Answers the port listened on, which PORT=0 leaves to the system.
 */
const listen = (app: INestApplication, port: number, host: string | undefined): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = app.getHttpServer() as Server;
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });

/**
 * A port in use is found before the store is reached: a start refused for it should leave
 * nothing behind (a data directory, a store, a secret), as every other refused setting does. The
 * port is listened on for real at the end; another process taking it in between is still refused.
 */
const requirePortFree = (port: number, host: string | undefined): Promise<void> =>
  port === 0
    ? Promise.resolve()
    : new Promise((resolve, reject) => {
        const probe = createServer();
        probe.once('error', reject);
        probe.listen(port, host, () => probe.close(() => resolve()));
      });

/** Where a client on this machine reaches the API: localhost when it listens on every interface. */
const shownHost = (host: string | undefined): string => {
  if (host === undefined || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
};

/**
 * A log an import or a migrate did not finish is refused in one line, before Nest would log the
 * refusal with its stack. Only read here: the store the app opens next makes what is missing.
 */
const requireWholeLogAt = async (config: LedgerConfig): Promise<void> => {
  const store = openEventStore(config, undefined, { readOnly: true });
  try {
    await requireWholeLog(store);
  } finally {
    await store.close();
  }
};

const start = async (): Promise<void> => {
  config = loadConfig();
  const operations = loadOperationsConfig();
  loadDeliverySettings(); // read again by the webhooks module; a bad value stops the start here, named
  await requirePortFree(config.port, config.host);
  const made = await reachStore(config);
  // Refused (a job holds the store, another secret serves it), the start leaves no DATA_DIR it made.
  const served = await shareStoreToServe(config).catch((error: unknown) => {
    unmakeDirectories(made);
    throw error;
  });
  await requireWholeLogAt(config).catch(async (error: unknown) => {
    await served.share.release();
    throw error;
  });
  // Only to tell a newcomer whether this start made their secret.
  const newcomerSecret = config.jwtSecret ? undefined : served.secret;
  startTracing(operations);
  const app = await createApp(config, { operations, served }).catch(async (error: unknown) => {
    await served.share.release();
    throw error;
  });
  const transport = app.get(GraphqlWsTransport);
  stopOnSignals(app, app.get<Logger>(OPERATIONS_LOG), () => transport.endSubscriptions());
  await app.init();
  const port = await listen(app, config.port, config.host);
  const url = `http://${shownHost(config.host)}:${port}/graphql`;
  const log = app.get<Logger>(OPERATIONS_LOG);
  // On PostgreSQL the log is the schema (its URL may hold a password: not shown); DATA_DIR keeps the secret and the keys.
  const place = config.eventStore === 'postgres' ? `schema ${config.databaseSchema}, DATA_DIR ${config.dataDir}` : config.dataDir;
  log.info(`Customer-contact ledger on ${config.eventStore} (${place}) at ${url}`);
  const runner = app.get(EventSourcing).runner;
  if (!runner.hasCaughtUp()) {
    log.info('catching up with the log: operations are refused (503) until the read models are current');
    const caughtUp = () => runner.hasCaughtUp() && log.info('caught up with the log: serving operations');
    void runner.whenCaughtUp().then(caughtUp, (error: unknown) => {
      // The runner tries on, each failure logged: operations stay refused, /health says not caught up.
      log.error(`catching up with the log keeps failing; trying again: ${error instanceof Error ? error.message : String(error)}`);
      void runner.whenCaughtUpAtLast().then(caughtUp);
    });
  }
  if (newcomerSecret) {
    const token = await signToken(served.secret.secret, { userId: 'newcomer', name: 'Newcomer' });
    const file = `${config.dataDir}/jwt-secret`;
    const which = newcomerSecret.made ? `one was made in ${file}` : `the one kept in ${file} is used`;
    console.log(`No AUTH_JWT_SECRET set: ${which}. A token for user "newcomer":`);
    console.log(`Authorization: Bearer ${token}`);
  }
};

start().catch((error: unknown) => {
  const problem = startupProblem(error, config);
  if (problem) console.error(problem);
  else console.error('The service could not start:', error);
  process.exit(1);
});
