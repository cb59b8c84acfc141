import 'reflect-metadata';
import { ConfigError, JWT_SECRET, LEDGER_CONFIG, type LedgerConfig, loadConfig, signToken } from '@cf/ledger';
import { Logger } from 'nestjs-pino';
import { createApp } from './bootstrap.js';
import { loadOperationsConfig } from './observability/operations-config.js';
import { startTracing } from './tracing/tracing.js';

const start = async (): Promise<void> => {
  const config = loadConfig();
  const operations = loadOperationsConfig();
  startTracing(operations);
  const app = await createApp(config, { operations });
  await app.listen(config.port);
  const url = `http://localhost:${config.port}/graphql`;
  app.get(Logger).log(`Customer-contact ledger on ${config.eventStore} (${config.dataDir}) at ${url}`);
  if (!app.get<LedgerConfig>(LEDGER_CONFIG).jwtSecret) {
    const token = await signToken(app.get<string>(JWT_SECRET), { userId: 'newcomer', name: 'Newcomer' });
    console.log(`No AUTH_JWT_SECRET set: one was made in ${config.dataDir}/jwt-secret. A token for user "newcomer":`);
    console.log(`Authorization: Bearer ${token}`);
  }
};

start().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('The service could not start:', error);
  }
  process.exit(1);
});
