import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query anew, and SQLite's prepare costs about as much as
 * running a small statement: a projection applying an event would spend a third of its time
 * compiling the same few SQL texts again. This keeps statements prepared by their text. Texts
 * like `in (?, ?, …)` vary, so once `capacity` are kept they are all dropped and prepared again
 * as they come. A statement still being iterated (a streamed query) cannot run again until it
 * finishes, so a fresh one is prepared for it.
 */
export const withPreparedStatements = (database: Database.Database, capacity = 500): SqliteDatabase => {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare: (sql) => {
      const kept = statements.get(sql);
      if (kept && !kept.busy) return kept;
      const statement = database.prepare(sql);
      if (kept) return statement;
      if (statements.size >= capacity) statements.clear();
      statements.set(sql, statement);
      return statement;
    },
  };
};
