import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { loadConfig } from '@cf/ledger';
import { createApp } from '../../api/bootstrap.js';

export const SCHEMA_FILE = 'apps/api/schema.graphql';

/** `schema`: writes the code-first schema to apps/api/schema.graphql (committed, checked by a test). */
export const schemaCommand = async (): Promise<void> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-schema-'));
  const app = await createApp(loadConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: 's'.repeat(32) }), { logger: false });
  try {
    await app.init();
    writeFileSync(SCHEMA_FILE, `${printSchema(app.get(GraphQLSchemaHost).schema)}\n`);
    console.log(`wrote ${SCHEMA_FILE}`);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
