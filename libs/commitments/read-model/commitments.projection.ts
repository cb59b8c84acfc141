import type { Projection, ReadModelTransaction, RecordedEvent } from '@cf/event-store';
import type { CommitmentClassification, CommitmentEvent } from '../domain/commitments.events.js';

/** The classification columns, as stored from the event (replay never re-judges a commitment). */
const classificationColumns = (c: CommitmentClassification) => ({
  outside_requirements: c.outsideRequirements ? 1 : 0,
  outside_budget: c.outsideBudget ? 1 : 0,
  exceeds_budget_by_hours: c.exceedsBudgetByHours,
  made_without_authority: c.madeWithoutAuthority ? 1 : 0,
  requested_without_authority: c.requestedWithoutAuthority ? 1 : 0,
  reasons: JSON.stringify(c.reasons),
  budget_at_decision: JSON.stringify(c.budgetAtDecision),
});

/** Commitments with their classification, linked requests and requirements. */
export const commitmentsProjection: Projection = {
  name: 'commitments',
  tables: ['commitments', 'commitment_requests', 'commitment_requirements'],
  migrate: async (db) => {
    await db.schema.createTable('commitments').ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('estimate_hours', 'double precision', (c) => c.notNull())
      .addColumn('due_date', 'text')
      .addColumn('outside_requirements', 'integer', (c) => c.notNull())
      .addColumn('outside_budget', 'integer', (c) => c.notNull())
      .addColumn('exceeds_budget_by_hours', 'double precision', (c) => c.notNull())
      .addColumn('made_without_authority', 'integer', (c) => c.notNull())
      .addColumn('requested_without_authority', 'integer', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('budget_at_decision', 'text', (c) => c.notNull())
      .addColumn('made_by_id', 'text', (c) => c.notNull())
      .addColumn('made_by_name', 'text', (c) => c.notNull())
      .addColumn('made_to_id', 'text', (c) => c.notNull())
      .addColumn('made_at', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('commitments_by_project').ifNotExists().on('commitments').columns(['project_id', 'seq']).execute();
    await db.schema.createTable('commitment_requests').ifNotExists()
      .addColumn('commitment_id', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('commitment_requests_pk', ['commitment_id', 'request_id'])
      .execute();
    await db.schema.createIndex('commitment_requests_by_request').ifNotExists().on('commitment_requests').columns(['request_id']).execute();
    await db.schema.createTable('commitment_requirements').ifNotExists()
      .addColumn('commitment_id', 'text', (c) => c.notNull())
      .addColumn('requirement_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('commitment_requirements_pk', ['commitment_id', 'requirement_id'])
      .execute();
  },
  apply: async (trx, recorded) => {
    if (!recorded.stream.startsWith('commitment-')) return;
    const event = { type: recorded.type, data: recorded.data } as CommitmentEvent;
    await applyCommitmentEvent(trx, event, recorded);
    await trx.updateTable('commitments').set({ revision: recorded.revision + 1 })
      .where('id', '=', event.data.commitmentId).execute();
  },
};

const applyCommitmentEvent = async (trx: ReadModelTransaction, event: CommitmentEvent, recorded: RecordedEvent): Promise<void> => {
  const status = (to: string) =>
    trx.updateTable('commitments').set({ status: to }).where('id', '=', event.data.commitmentId).execute();
  switch (event.type) {
    case 'CommitmentMade': {
      const d = event.data;
      await trx.insertInto('commitments').values({
        id: d.commitmentId, project_id: d.projectId, summary: d.summary, status: d.status,
        estimate_hours: d.estimateHours, due_date: d.dueDate ?? null, ...classificationColumns(d.classification),
        made_by_id: d.madeBy.userId, made_by_name: d.madeBy.name, made_to_id: d.madeToId, made_at: d.at,
        revision: recorded.revision + 1, seq: Number(recorded.position),
      }).execute();
      for (const requestId of d.requestIds) {
        await trx.insertInto('commitment_requests').values({ commitment_id: d.commitmentId, request_id: requestId }).execute();
      }
      for (const requirementId of d.requirementIds) {
        await trx.insertInto('commitment_requirements').values({ commitment_id: d.commitmentId, requirement_id: requirementId }).execute();
      }
      return;
    }
    case 'CommitmentRevised': {
      const d = event.data;
      await trx.updateTable('commitments').set({
        status: d.status, estimate_hours: d.estimateHours, due_date: d.dueDate ?? null, ...classificationColumns(d.classification),
      }).where('id', '=', d.commitmentId).execute();
      return;
    }
    case 'CommitmentApproved':
      return void (await status('APPROVED'));
    case 'CommitmentRejected':
      return void (await status('REJECTED'));
    case 'CommitmentWithdrawn':
      return void (await status('WITHDRAWN'));
    case 'CommitmentDelivered':
      return void (await status('DELIVERED'));
  }
};
