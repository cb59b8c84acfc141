import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store.js';
import { anEvent } from './contract/contract-context.js';
import type { ReadModelDb } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { openSqliteReadModels } from './read-model-db.js';
import { totals } from './projection.spec-fixtures.js';

/** An event the totals projection adds to its stream's total. */
export const added = (amount: number) => anEvent('Added', { amount });

/** A log and read models in memory, and a runner of the totals projection over them in pages of 7. */
export interface RunnerCase {
  store: SqliteEventStore;
  db: ReadModelDb;
  runner: ProjectionRunner;
}

/** Made anew before each of the spec's tests, stopped and closed after it: read its fields inside a test or a hook. */
export const runnerPerCase = (): RunnerCase => {
  const each = {} as RunnerCase;
  beforeEach(async () => {
    const store = new SqliteEventStore({ file: ':memory:' });
    const db = openSqliteReadModels(':memory:');
    const runner = new ProjectionRunner(store, db, [totals], 7);
    await runner.migrate();
    Object.assign(each, { store, db, runner });
  });
  afterEach(async () => {
    await each.runner.stop();
    await each.db.destroy();
    await each.store.close();
  });
  return each;
};
