import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { LedgerConfig } from '@cf/ledger';
import { AppModule } from './app.module.js';
import { serveQueryConsole } from './console/query-console.js';
import { OPERATION_LIMITS } from './limits/operation-limits.js';

/** The configured application, not yet listening: main.ts and the end-to-end tests share it. */
export const createApp = async (config: LedgerConfig, options: { logger?: false } = {}): Promise<INestApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  app.disable('x-powered-by'); // names the framework to every client, a hint for attacks and nothing else
  app.useBodyParser('json', { limit: OPERATION_LIMITS.maxBytes });
  app.use('/graphql', serveQueryConsole);
  app.enableShutdownHooks();
  return app;
};
