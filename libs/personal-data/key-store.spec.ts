import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { KeyStore } from './key-store.js';
import { unsealWith } from './key-store.js';
import { openPostgresKeyStore } from './key-store-postgres.js';
import { KEY_FILE, openSqliteKeyStore } from './key-store-sqlite.js';
import { sealText } from './sealing.js';

const postgres = process.env.EVENT_STORE === 'postgres';
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `cf_keys_${process.pid}`;

describe(`the key store (${postgres ? 'postgres' : 'sqlite'})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-keys-'));
  let keys: KeyStore;
  beforeAll(async () => {
    keys = postgres ? await openPostgresKeyStore(url, schema) : await openSqliteKeyStore(join(dir, KEY_FILE));
  });
  afterAll(async () => {
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
    if (postgres) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  });

  it('makes one key per subject and finds the ones that exist', async () => {
    const key = await keys.create('s-1');
    expect(key).toHaveLength(32);
    expect(await keys.create('s-1')).toEqual(key);
    await keys.create('s-2');
    const found = await keys.find(['s-1', 's-2', 's-unknown']);
    expect([...found.keys()].sort()).toEqual(['s-1', 's-2']);
    expect(await keys.find([])).toEqual(new Map());
  });

  it('keeps forgetting marks until the key is destroyed', async () => {
    await keys.create('s-3');
    await keys.markForgetting('s-3');
    expect(await keys.markedForgetting()).toEqual(['s-3']);
    await keys.unmarkForgetting('s-3');
    expect(await keys.markedForgetting()).toEqual([]);
    await keys.markForgetting('s-3');
    await keys.destroy('s-3');
    expect(await keys.markedForgetting()).toEqual([]);
    await keys.destroy('s-3');
  });

  it('unseals with one lookup, and a destroyed key leaves no copy in the files', async () => {
    const key = await keys.create('s-4');
    const token = sealText(key, 's-4', 'Secret Person');
    expect(await unsealWith(keys, { name: token })).toEqual({ name: 'Secret Person' });
    await keys.destroy('s-4');
    expect(await unsealWith(keys, { name: token })).toEqual({ name: '[forgotten]' });
    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file));
      expect(bytes.includes(key) || bytes.includes(Buffer.from(key.toString('base64')))).toBe(false);
    }
  });

  it('copies entries into another store, keeping the keys it has', async () => {
    const other = await openSqliteKeyStore(join(dir, 'other.sqlite'));
    const mine = await other.create('s-1');
    await other.put(await keys.entries());
    expect((await other.find(['s-1'])).get('s-1')).toEqual(mine);
    expect((await other.find(['s-2'])).get('s-2')).toEqual((await keys.find(['s-2'])).get('s-2'));
    await other.close();
  });
});
