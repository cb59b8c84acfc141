import 'reflect-metadata';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { EventSourcing, type LedgerConfig, type ServedStore } from '@cf/ledger';
import { AppModule } from './app.module.js';
import { answerBodyRefusals, refuseMalformedUtf8 } from './limits/body-refusals.js';
import { answerConnectionRefusals } from './limits/connection-refusals.js';
import { OPERATION_LIMITS } from './limits/operation-limits.js';
import { type OperationsConfig, loadOperationsConfig } from './observability/operations-config.js';
import { OPERATIONS_LOG, httpLogOptions } from './logging/operations-log.js';
import { NestLogger } from './logging/nest-logger.js';
import { refuseWhileStopping } from './shutdown/stop-on-signals.js';
import { refuseWhileCatchingUp } from './startup/refuse-while-catching-up.js';
import { securityHeaders } from './web/security-headers.js';
import { serveWebPages } from './web/web-pages.js';

export interface AppOptions {
  /** false: log nothing (tests and benches that do not look at logs). */
  logger?: false;
  /** How the service reports on itself; by default read from the environment. */
  operations?: OperationsConfig;
  /** The instance's share of the store and its token secret, taken before the app is built (main.ts); by default the app takes a share. */
  served?: ServedStore;
}

/**
 * Node closes an idle keep-alive connection after 5 s, so a client or a proxy that sends on it in
 * that instant gets a reset for a request that was never taken. Proxies and clients keep theirs
 * for up to 60 s (nginx's upstream keepalive, load balancers) and close first when the server
 * waits longer; the headers may take as long (Node wants headersTimeout above keepAliveTimeout).
 */
const keepIdleConnectionsOpen = (server: Server): void => {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
};

/** The configured application, not yet listening: main.ts and the end-to-end tests share it. */
export const createApp = async (config: LedgerConfig, options: AppOptions = {}): Promise<INestApplication> => {
  const operations = options.operations ?? loadOperationsConfig();
  const logged = options.logger === false ? { ...operations, logLevel: 'silent' as const } : operations;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, logged, options.served), {
    bufferLogs: true,
    rawBody: true,
  });
  const log = app.get<Logger>(OPERATIONS_LOG);
  app.useLogger(new NestLogger(log));
  app.use(pinoHttp(httpLogOptions(log))); // first: every request gets its correlation id and its log line, a refusal's too
  app.use(refuseWhileStopping); // then a request that comes while the service stops is refused before any work
  app.use(refuseWhileCatchingUp(app.get(EventSourcing).runner)); // and an operation while a leader catches up
  app.disable('x-powered-by'); // names the framework to every client, a hint for attacks and nothing else
  app.use(securityHeaders);
  app.useBodyParser('json', { limit: OPERATION_LIMITS.maxBytes });
  app.use(refuseMalformedUtf8);
  app.use(answerBodyRefusals); // right after the parsers: only their refusals reach it
  serveWebPages(app);
  keepIdleConnectionsOpen(app.getHttpServer() as Server);
  answerConnectionRefusals(app.getHttpServer() as Server);
  return app;
};
