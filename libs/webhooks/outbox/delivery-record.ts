import type { ReadModelDb } from '@cf/event-store';
import { TIMED_CHECKS_TABLE, TIMED_OUTBOX_TABLE, migrateOutboxTables } from './outbox.tables.js';
import { DELIVERY_STATE_TABLE } from './delivery-state.tables.js';

/** The tables a rebuild keeps, each by its key: where each delivery stands, which moments were checked, and what they queued. */
const RECORD_KEYS: ReadonlyArray<readonly [string, readonly string[]]> = [
  [DELIVERY_STATE_TABLE, ['delivery_id']],
  [TIMED_CHECKS_TABLE, ['notice', 'subject']],
  [TIMED_OUTBOX_TABLE, ['delivery_id']],
];

const ROWS_PER_STATEMENT = 500;

/**
 * Copies the webhooks' delivery record from one store's read models into another's, for a log
 * copied with its positions (`migrate`): the target's outbox derives the same delivery ids from
 * the copied log and finds here where each stood, so what was delivered is not sent again, what
 * was pending or failed stays so, and the moments already checked are not told again. A row the
 * target already has is replaced by the source's. Returns the rows copied.
 */
export const carryDeliveryRecord = async (from: ReadModelDb, to: ReadModelDb): Promise<number> => {
  // Read models from before webhooks existed get the (empty) tables, as the API's next start would make them.
  await migrateOutboxTables(from);
  await migrateOutboxTables(to);
  let carried = 0;
  for (const [table, keys] of RECORD_KEYS) {
    for (let offset = 0; ; offset += ROWS_PER_STATEMENT) {
      let page = from.selectFrom(table).selectAll();
      for (const key of keys) page = page.orderBy(key);
      const rows = await page.limit(ROWS_PER_STATEMENT).offset(offset).execute();
      if (rows.length === 0) break;
      const columns = Object.keys(rows[0]).filter((column) => !keys.includes(column));
      await to
        .insertInto(table)
        .values(rows)
        .onConflict((conflict) =>
          conflict.columns([...keys]).doUpdateSet((excluded) => Object.fromEntries(columns.map((c) => [c, excluded.ref(`excluded.${c}`)]))),
        )
        .execute();
      carried += rows.length;
      if (rows.length < ROWS_PER_STATEMENT) break;
    }
  }
  return carried;
};
