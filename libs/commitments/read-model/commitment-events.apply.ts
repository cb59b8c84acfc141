import type { ReadModelTransaction, RecordedEvent } from '@cf/event-store';
import type { CommitmentEvent, CommitmentMade, CommitmentRevised } from '../domain/commitments.events.js';
import { askedOf } from './authority.apply.js';
import { readBudgetPicture, shiftTotals } from './budget-picture.js';
import { type CommitmentRow, NO_STANDING, judgementColumns, readCommitmentRow, writeCommitmentRow } from './commitment-row.js';
import { placeOf, rejudge } from './standing.apply.js';

const drawing = (row: CommitmentRow) => ({ estimateHours: row.estimate_hours, requirementIds: JSON.parse(row.requirement_ids) as string[] });

/** Replaces a commitment's links: the tables other contexts' lookups use (by request, by requirement). */
const link = async (trx: ReadModelTransaction, commitmentId: string, requestIds: string[], requirementIds: string[]): Promise<void> => {
  await trx.deleteFrom('commitment_requests').where('commitment_id', '=', commitmentId).execute();
  await trx.deleteFrom('commitment_requirements').where('commitment_id', '=', commitmentId).execute();
  if (requestIds.length > 0) await trx.insertInto('commitment_requests').values(requestIds.map((request_id) => ({ commitment_id: commitmentId, request_id }))).execute();
  if (requirementIds.length > 0) {
    await trx.insertInto('commitment_requirements').values(requirementIds.map((requirement_id) => ({ commitment_id: commitmentId, requirement_id }))).execute();
  }
};

const made = async (trx: ReadModelTransaction, { data: d }: CommitmentMade, recorded: RecordedEvent): Promise<void> => {
  const asked = await askedOf(trx, d.requestIds, { id: d.madeToId, couldApproveScope: d.madeToCouldApproveScope });
  const row: CommitmentRow = {
    id: d.commitmentId, project_id: d.projectId, summary: d.summary, status: d.status, active: 1, estimate_hours: d.estimateHours,
    requirement_ids: JSON.stringify(d.requirementIds), due_date: d.dueDate ?? null,
    ...judgementColumns(d.atDecision), ...judgementColumns(NO_STANDING, 'current_'), budget_at_decision: JSON.stringify(d.atDecision.budgetAtDecision),
    made_by_id: d.madeBy.userId, made_by_name: d.madeBy.name, maker_role: d.makerRole, made_to_id: d.madeToId, made_to_could_approve_scope: d.madeToCouldApproveScope ? 1 : 0, made_at: d.at,
    revision: 1, seq: Number(recorded.position), covered: 0, asked_with_authority: asked.withAuthority ? 1 : 0,
    asker_names: JSON.stringify(asked.askerNames), suspect: 0,
  } as CommitmentRow;
  await writeCommitmentRow(trx, undefined, row);
  await link(trx, d.commitmentId, d.requestIds, d.requirementIds);
  await shiftTotals(trx, d.projectId, (await readBudgetPicture(trx, d.projectId))?.baseline ?? null, drawing(row), 1);
  await rejudge(trx, d.projectId, placeOf(row));
};

/** A revision moves the draw, may relink (asking again who asked), and clears the suspect links: it was reviewed. */
const revised = async (trx: ReadModelTransaction, { data: d }: CommitmentRevised, before: CommitmentRow): Promise<void> => {
  const baseline = (await readBudgetPicture(trx, d.projectId))?.baseline ?? null;
  await shiftTotals(trx, d.projectId, baseline, drawing(before), -1);
  const asked = await askedOf(trx, d.requestIds, { id: before.made_to_id, couldApproveScope: before.made_to_could_approve_scope === 1 });
  const after: CommitmentRow = {
    ...before, status: d.status, estimate_hours: d.estimateHours, due_date: d.dueDate ?? null, requirement_ids: JSON.stringify(d.requirementIds),
    ...(d.atDecision ? { ...judgementColumns(d.atDecision), budget_at_decision: JSON.stringify(d.atDecision.budgetAtDecision) } : {}),
    revision: d.revision, asked_with_authority: asked.withAuthority ? 1 : 0, asker_names: JSON.stringify(asked.askerNames), suspect: 0,
  };
  await writeCommitmentRow(trx, before, after);
  await trx.deleteFrom('commitment_suspect_links').where('commitment_id', '=', d.commitmentId).execute();
  await link(trx, d.commitmentId, d.requestIds, d.requirementIds);
  await shiftTotals(trx, d.projectId, baseline, drawing(after), 1);
  await rejudge(trx, d.projectId, placeOf(after));
};

const STATUS_OF = { CommitmentApproved: 'APPROVED', CommitmentRejected: 'REJECTED', CommitmentWithdrawn: 'WITHDRAWN', CommitmentDelivered: 'DELIVERED' } as const;

/** A rejected or withdrawn commitment stops drawing: those after it are judged again. */
const decided = async (trx: ReadModelTransaction, event: Exclude<CommitmentEvent, CommitmentMade | CommitmentRevised>, before: CommitmentRow): Promise<void> => {
  const status = STATUS_OF[event.type];
  const stops = status === 'REJECTED' || status === 'WITHDRAWN';
  const after: CommitmentRow = { ...before, status, revision: before.revision + 1, ...(stops ? { active: 0, ...judgementColumns(NO_STANDING, 'current_') } : {}) };
  await writeCommitmentRow(trx, before, after);
  if (!stops) return;
  await shiftTotals(trx, before.project_id, (await readBudgetPicture(trx, before.project_id))?.baseline ?? null, drawing(before), -1);
  await rejudge(trx, before.project_id, placeOf(before));
};

export const applyCommitmentEvent = async (trx: ReadModelTransaction, event: CommitmentEvent, recorded: RecordedEvent): Promise<void> => {
  if (event.type === 'CommitmentMade') return made(trx, event, recorded);
  const before = await readCommitmentRow(trx, event.data.commitmentId);
  if (!before) return;
  if (event.type === 'CommitmentRevised') return revised(trx, event, before);
  return decided(trx, event, before);
};
