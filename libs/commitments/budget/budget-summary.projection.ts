import type { Projection, ReadModelTransaction, RecordedEvent } from '@cf/event-store';
import type { ProjectEvent } from '@cf/projects';
import { type CommitmentEvent, isActiveCommitmentStatus } from '../domain/commitments.events.js';
import { drawOf } from './budget-loads.js';

/**
 * The budget picture of each project as summary rows, kept up to date event by event: the
 * budget, the latest baseline, the hours outside requirements and, per baseline requirement, the
 * hours committed on it. Commitments are classified on it and Project.budget and the dashboard
 * read it, in O(baseline requirements) however long the history (see docs/dashboards.md).
 */
export const budgetSummaryProjection: Projection = {
  name: 'budget-summary',
  tables: ['budget_summaries', 'budget_requirement_loads', 'budget_commitments'],
  migrate: async (db) => {
    await db.schema.createTable('budget_summaries').ifNotExists()
      .addColumn('project_id', 'text', (c) => c.primaryKey())
      .addColumn('budget_hours', 'double precision', (c) => c.notNull())
      .addColumn('baseline_id', 'text')
      .addColumn('baseline_name', 'text')
      .addColumn('outside_requirements_hours', 'double precision', (c) => c.notNull())
      .execute();
    await db.schema.createTable('budget_requirement_loads').ifNotExists()
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('requirement_id', 'text', (c) => c.notNull())
      .addColumn('estimate_hours', 'double precision', (c) => c.notNull())
      .addColumn('committed_hours', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('budget_requirement_loads_pk', ['project_id', 'requirement_id'])
      .execute();
    // Per commitment only what its draw needs, so a revision or withdrawal can take it back.
    await db.schema.createTable('budget_commitments').ifNotExists()
      .addColumn('commitment_id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('estimate_hours', 'double precision', (c) => c.notNull())
      .addColumn('requirement_ids', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('budget_commitments_by_project').ifNotExists().on('budget_commitments').columns(['project_id', 'seq']).execute();
  },
  apply: async (trx, recorded) => {
    if (recorded.stream.startsWith('project-')) await applyProjectEvent(trx, { type: recorded.type, data: recorded.data } as ProjectEvent);
    else if (recorded.stream.startsWith('commitment-')) await applyCommitmentEvent(trx, { type: recorded.type, data: recorded.data } as CommitmentEvent, recorded);
  },
};

interface CommitmentDrawRow {
  commitment_id: string;
  project_id: string;
  estimate_hours: number;
  requirement_ids: string;
  active: number;
}

const estimatesOf = async (trx: ReadModelTransaction, projectId: string): Promise<Map<string, number>> => {
  const rows = await trx.selectFrom('budget_requirement_loads').select(['requirement_id', 'estimate_hours'])
    .where('project_id', '=', projectId).execute();
  return new Map(rows.map((r) => [r.requirement_id as string, r.estimate_hours as number]));
};

/** Adds (sign 1) or takes back (sign −1) one commitment's draw. */
const shiftDraw = async (trx: ReadModelTransaction, row: CommitmentDrawRow, sign: 1 | -1, estimates: Map<string, number>): Promise<void> => {
  if (row.active !== 1) return;
  const draw = drawOf(row.estimate_hours, JSON.parse(row.requirement_ids) as string[], estimates);
  if (draw.outsideHours !== 0) {
    await trx.updateTable('budget_summaries')
      .set((eb) => ({ outside_requirements_hours: eb('outside_requirements_hours', '+', sign * draw.outsideHours) }))
      .where('project_id', '=', row.project_id).execute();
  }
  for (const [requirementId, hours] of draw.loads) {
    await trx.updateTable('budget_requirement_loads')
      .set((eb) => ({ committed_hours: eb('committed_hours', '+', sign * hours) }))
      .where('project_id', '=', row.project_id).where('requirement_id', '=', requirementId).execute();
  }
};

const applyProjectEvent = async (trx: ReadModelTransaction, event: ProjectEvent): Promise<void> => {
  switch (event.type) {
    case 'ProjectOpened':
      await trx.insertInto('budget_summaries').values({
        project_id: event.data.projectId, budget_hours: event.data.budgetHours, baseline_id: null, baseline_name: null, outside_requirements_hours: 0,
      }).execute();
      return;
    case 'BudgetChanged':
      await trx.updateTable('budget_summaries').set({ budget_hours: event.data.toHours }).where('project_id', '=', event.data.projectId).execute();
      return;
    case 'BaselineApproved': {
      // Rare: every active commitment of the project is judged again against the new baseline.
      const d = event.data;
      await trx.deleteFrom('budget_requirement_loads').where('project_id', '=', d.projectId).execute();
      for (const r of d.requirements) {
        await trx.insertInto('budget_requirement_loads').values({ project_id: d.projectId, requirement_id: r.requirementId, estimate_hours: r.estimateHours, committed_hours: 0 }).execute();
      }
      await trx.updateTable('budget_summaries').set({ baseline_id: d.baselineId, baseline_name: d.name, outside_requirements_hours: 0 })
        .where('project_id', '=', d.projectId).execute();
      const estimates = await estimatesOf(trx, d.projectId);
      const active = await trx.selectFrom('budget_commitments').selectAll().where('project_id', '=', d.projectId)
        .where('active', '=', 1).orderBy('seq').execute() as CommitmentDrawRow[];
      for (const row of active) await shiftDraw(trx, row, 1, estimates);
    }
  }
};

const applyCommitmentEvent = async (trx: ReadModelTransaction, event: CommitmentEvent, recorded: RecordedEvent): Promise<void> => {
  const id = event.data.commitmentId;
  const before = await trx.selectFrom('budget_commitments').selectAll().where('commitment_id', '=', id).executeTakeFirst() as CommitmentDrawRow | undefined;
  let after: CommitmentDrawRow;
  switch (event.type) {
    case 'CommitmentMade': {
      const d = event.data;
      after = { commitment_id: id, project_id: d.projectId, estimate_hours: d.estimateHours, requirement_ids: JSON.stringify(d.requirementIds), active: isActiveCommitmentStatus(d.status) ? 1 : 0 };
      await trx.insertInto('budget_commitments').values({ ...after, seq: Number(recorded.position) }).execute();
      break;
    }
    case 'CommitmentRevised':
      if (!before) return;
      after = { ...before, estimate_hours: event.data.estimateHours, active: isActiveCommitmentStatus(event.data.status) ? 1 : 0 };
      break;
    case 'CommitmentRejected':
    case 'CommitmentWithdrawn':
      if (!before) return;
      after = { ...before, active: 0 };
      break;
    default:
      return;
  }
  const estimates = await estimatesOf(trx, after.project_id);
  if (before) {
    await shiftDraw(trx, before, -1, estimates);
    await trx.updateTable('budget_commitments').set({ estimate_hours: after.estimate_hours, active: after.active }).where('commitment_id', '=', id).execute();
  }
  await shiftDraw(trx, after, 1, estimates);
};
