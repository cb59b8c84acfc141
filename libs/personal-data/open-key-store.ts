import { join } from 'node:path';
import { type LedgerConfig, databaseUrlOf } from '@cf/ledger';
import type { KeyStore } from './key-store.js';
import { openPostgresKeyStore } from './key-store-postgres.js';
import { KEY_FILE, openSqliteKeyStore } from './key-store-sqlite.js';

/** Keys go where the log goes: `<DATABASE_SCHEMA>.personal_data_keys` on PostgreSQL, else DATA_DIR. */
export const openKeyStore = (config: LedgerConfig): Promise<KeyStore> =>
  config.eventStore === 'postgres'
    ? openPostgresKeyStore(databaseUrlOf(config), config.databaseSchema)
    : openSqliteKeyStore(join(config.dataDir, KEY_FILE));
