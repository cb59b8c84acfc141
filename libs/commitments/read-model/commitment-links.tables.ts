import type { ReadModelDb } from '@cf/event-store';

/**
 * A commitment's links and what became of their targets. A link is suspect when its target's
 * latest change comes after the link was made (`seq`s are positions in the log), so a change to a
 * target is one row however many commitments link it; links are joined with it when read.
 */
export const migrateLinkTables = async (db: ReadModelDb): Promise<void> => {
  // Where version 2 kept a row per suspect link; no longer this projection's, so no rebuild drops it.
  await db.schema.dropTable('commitment_suspect_links').ifExists().execute();
  for (const [table, column] of [
    ['commitment_requests', 'request_id'],
    ['commitment_requirements', 'requirement_id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .ifNotExists()
      .addColumn('commitment_id', 'text', (c) => c.notNull())
      .addColumn(column, 'text', (c) => c.notNull())
      // When the commitment was made, revised or relinked: a target's change before it was seen.
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['commitment_id', column])
      .execute();
    // By target, then position: a target's change looks only at the links made since its previous one.
    await db.schema.createIndex(`${table}_by_target`).ifNotExists().on(table).columns([column, 'seq']).execute();
  }
  await db.schema
    .createTable('commitment_link_target_changes')
    .ifNotExists()
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('commitment_link_target_changes_pk', ['kind', 'target_id'])
    .execute();
  // A commitment that stops drawing keeps the suspect links it had then: later changes are not its.
  await db.schema
    .createTable('commitment_suspect_links_at_stop')
    .ifNotExists()
    .addColumn('commitment_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('commitment_suspect_links_at_stop_pk', ['commitment_id', 'kind', 'target_id'])
    .execute();
};
