import type { ReadModelDb } from '@cf/event-store';
import { migrateLinkTables } from './commitment-links.tables.js';
import { migrateAuthorityTables } from './commitment-authority.tables.js';

/** The judgement columns, once as made (no prefix) and once as it stands today (`current_`). */
const judgementColumns = ['outside_requirements', 'outside_budget', 'made_without_authority', 'requested_without_authority'] as const;

/**
 * The tables of the commitments projection. It owns everything it judges with — budgets,
 * baseline loads, who may approve scope, which requests were asked with authority — because a
 * projection reads only its own tables (they are all at the same event).
 */
export const COMMITMENTS_TABLES = [
  'commitments',
  'commitment_requests',
  'commitment_requirements',
  'commitment_link_target_changes',
  'commitment_suspect_links_at_stop',
  'commitment_covers',
  'commitment_budgets',
  'commitment_budget_loads',
  'commitment_request_authority',
  'commitment_contact_authority',
  'commitment_authority_evidence',
  'commitment_sessions',
  'commitment_counters',
] as const;

/** Each table's key: its primary key. */
export const COMMITMENTS_KEYS: Record<(typeof COMMITMENTS_TABLES)[number], readonly string[]> = {
  commitments: ['id'],
  commitment_requests: ['commitment_id', 'request_id'],
  commitment_requirements: ['commitment_id', 'requirement_id'],
  commitment_link_target_changes: ['kind', 'target_id'],
  commitment_suspect_links_at_stop: ['commitment_id', 'kind', 'target_id'],
  commitment_covers: ['commitment_id', 'seq'],
  commitment_budgets: ['project_id'],
  commitment_budget_loads: ['project_id', 'requirement_id'],
  commitment_request_authority: ['request_id'],
  commitment_contact_authority: ['contact_id'],
  commitment_authority_evidence: ['request_id', 'session_id'],
  commitment_sessions: ['session_id'],
  commitment_counters: ['project_id', 'counter'],
};

export const migrateCommitmentsTables = async (db: ReadModelDb): Promise<void> => {
  let commitments = db.schema
    .createTable('commitments')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('estimate_hours', 'double precision', (c) => c.notNull())
    .addColumn('requirement_ids', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text');
  for (const prefix of ['', 'current_']) {
    for (const column of judgementColumns) commitments = commitments.addColumn(`${prefix}${column}`, 'integer', (c) => c.notNull());
    commitments = commitments
      .addColumn(`${prefix}exceeds_budget_by_hours`, 'double precision', (c) => c.notNull())
      .addColumn(`${prefix}reasons`, 'text', (c) => c.notNull());
  }
  await commitments
    .addColumn('budget_at_decision', 'text', (c) => c.notNull())
    .addColumn('made_by_id', 'text', (c) => c.notNull())
    .addColumn('made_by_name', 'text', (c) => c.notNull())
    .addColumn('maker_role', 'text', (c) => c.notNull())
    .addColumn('promised_in_revision', 'integer', (c) => c.notNull())
    .addColumn('made_to_id', 'text', (c) => c.notNull())
    .addColumn('made_to_could_approve_scope', 'integer', (c) => c.notNull())
    .addColumn('made_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('covered', 'integer', (c) => c.notNull())
    .addColumn('asked_with_authority', 'integer', (c) => c.notNull())
    .addColumn('asker_names', 'text', (c) => c.notNull())
    .addColumn('suspect', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commitments_by_project').ifNotExists().on('commitments').columns(['project_id', 'seq']).execute();
  await db.schema
    .createIndex('commitments_in_draw_order')
    .ifNotExists()
    .on('commitments')
    .columns(['project_id', 'active', 'covered', 'seq'])
    .execute();
  await migrateLinkTables(db);
  await db.schema
    .createTable('commitment_covers')
    .ifNotExists()
    .addColumn('commitment_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('budget_hours', 'double precision', (c) => c.notNull())
    .addColumn('countersigned_by_id', 'text', (c) => c.notNull())
    /** When and in which revision a revision ended the cover (endsCover); null while it pays. */
    .addColumn('ended_at', 'text')
    .addColumn('ended_in_revision', 'integer')
    .addPrimaryKeyConstraint('commitment_covers_pk', ['commitment_id', 'seq'])
    .execute();
  await migrateBudgetTables(db);
};

const migrateBudgetTables = async (db: ReadModelDb): Promise<void> => {
  await db.schema
    .createTable('commitment_budgets')
    .ifNotExists()
    .addColumn('project_id', 'text', (c) => c.primaryKey())
    .addColumn('budget_hours', 'double precision', (c) => c.notNull())
    .addColumn('baseline_id', 'text')
    .addColumn('baseline_name', 'text')
    /** Σ hours of active commitments that link no requirement of the latest baseline. */
    .addColumn('outside_hours', 'double precision', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('commitment_budget_loads')
    .ifNotExists()
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('estimate_hours', 'double precision', (c) => c.notNull())
    .addColumn('committed_hours', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('commitment_budget_loads_pk', ['project_id', 'requirement_id'])
    .execute();
  await migrateAuthorityTables(db);
  await db.schema
    .createTable('commitment_counters')
    .ifNotExists()
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('counter', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('commitment_counters_pk', ['project_id', 'counter'])
    .execute();
};
