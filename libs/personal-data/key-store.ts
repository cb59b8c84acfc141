import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type SubjectKeys, subjectsIn, unsealDeep } from './sealing.js';

/** One subject's key, as migrate copies it from one key store to another. */
export interface SubjectKey {
  subjectId: string;
  key: Buffer;
}

/**
 * The per-subject keys of sealed personal data. They live outside the events (a file or table
 * of their own), so destroying one makes that person's data unreadable everywhere at once.
 */
export interface KeyStore {
  /** Makes and durably stores a key for the subject (or returns the one it already has). */
  create(subjectId: string): Promise<Buffer>;
  /** The keys that still exist of the subjects asked for. */
  find(subjectIds: readonly string[]): Promise<Map<string, Buffer>>;
  /** Notes durably that the subject is being forgotten: a restart finishes what a crash left. */
  markForgetting(subjectId: string): Promise<void>;
  unmarkForgetting(subjectId: string): Promise<void>;
  markedForgetting(): Promise<string[]>;
  /** Deletes the key and scrubs the storage so no copy of it stays on disk. */
  destroy(subjectId: string): Promise<void>;
  entries(): Promise<SubjectKey[]>;
  /** Adds keys that are not there yet (migrate); existing keys are kept. */
  put(keys: readonly SubjectKey[]): Promise<void>;
  close(): Promise<void>;
}

/** Any unsealed value: one batched key lookup for every token in it. */
export const unsealWith = async <T>(keys: KeyStore, value: T): Promise<T> => {
  const subjects = subjectsIn(value);
  if (subjects.size === 0) return value;
  const found: SubjectKeys = await keys.find([...subjects]);
  return unsealDeep(value, found);
};

export const KEY_TABLE = 'personal_data_keys';

export interface KeyTables {
  personal_data_keys: { subject_id: string; key: string; forgetting: number };
}

/** The one implementation over Kysely; SQLite and PostgreSQL differ in opening and scrubbing. */
export class KyselyKeyStore implements KeyStore {
  private readonly db: Kysely<KeyTables>;

  constructor(
    db: Kysely<KeyTables>,
    private readonly scrub: () => Promise<void>,
    private readonly shutdown: () => Promise<void>,
  ) {
    this.db = db;
  }

  static async migrate(db: Kysely<KeyTables>): Promise<void> {
    await db.schema
      .createTable(KEY_TABLE)
      .ifNotExists()
      .addColumn('subject_id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('forgetting', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }

  async create(subjectId: string): Promise<Buffer> {
    const key = randomBytes(32).toString('base64');
    await this.db
      .insertInto(KEY_TABLE)
      .values({ subject_id: subjectId, key, forgetting: 0 })
      .onConflict((oc) => oc.column('subject_id').doNothing())
      .execute();
    const row = await this.db.selectFrom(KEY_TABLE).select('key').where('subject_id', '=', subjectId).executeTakeFirstOrThrow();
    return Buffer.from(row.key, 'base64');
  }

  async find(subjectIds: readonly string[]): Promise<Map<string, Buffer>> {
    if (subjectIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom(KEY_TABLE)
      .select(['subject_id', 'key'])
      .where('subject_id', 'in', [...subjectIds])
      .execute();
    return new Map(rows.map((row) => [row.subject_id, Buffer.from(row.key, 'base64')]));
  }

  async markForgetting(subjectId: string): Promise<void> {
    await this.db.updateTable(KEY_TABLE).set({ forgetting: 1 }).where('subject_id', '=', subjectId).execute();
  }

  async unmarkForgetting(subjectId: string): Promise<void> {
    await this.db.updateTable(KEY_TABLE).set({ forgetting: 0 }).where('subject_id', '=', subjectId).execute();
  }

  async markedForgetting(): Promise<string[]> {
    const rows = await this.db.selectFrom(KEY_TABLE).select('subject_id').where('forgetting', '=', 1).execute();
    return rows.map((row) => row.subject_id);
  }

  async destroy(subjectId: string): Promise<void> {
    const deleted = await this.db.deleteFrom(KEY_TABLE).where('subject_id', '=', subjectId).executeTakeFirst();
    if (Number(deleted.numDeletedRows) > 0) await this.scrub();
  }

  async entries(): Promise<SubjectKey[]> {
    const rows = await this.db.selectFrom(KEY_TABLE).select(['subject_id', 'key']).orderBy('subject_id').execute();
    return rows.map((row) => ({ subjectId: row.subject_id, key: Buffer.from(row.key, 'base64') }));
  }

  async put(keys: readonly SubjectKey[]): Promise<void> {
    for (const { subjectId, key } of keys) {
      await this.db
        .insertInto(KEY_TABLE)
        .values({ subject_id: subjectId, key: key.toString('base64'), forgetting: 0 })
        .onConflict((oc) => oc.column('subject_id').doNothing())
        .execute();
    }
  }

  async close(): Promise<void> {
    await this.shutdown();
  }
}
