import type { PageRows, RecordedEvent } from '@cf/event-store';
import { type CommitmentEvent, type CommitmentMade, type CommitmentRevised, STATUS_AFTER_DECISION } from '../domain/commitments.events.js';
import { askedOf } from './authority.apply.js';
import { pageBudgetPicture, shiftTotals } from './budget-picture.js';
import { type CommitmentRow, NO_STANDING, judgementColumns, readCommitmentRow, writeCommitmentRow } from './commitment-row.js';
import type { CoverRow } from './commitments.read-model.js';
import { placeOf, rejudge } from './standing.apply.js';
import { keepSuspectLinksAtStop } from './suspect-links.apply.js';

const drawing = (row: CommitmentRow) => ({
  estimateHours: row.estimate_hours,
  requirementIds: JSON.parse(row.requirement_ids) as string[],
});

/**
 * A commitment's links: the tables other contexts' lookups use (by request, by requirement), each
 * with the position it was made at: a target's change after it makes it suspect.
 */
const link = (rows: PageRows, commitmentId: string, requestIds: string[], requirementIds: string[], recorded: RecordedEvent): void => {
  const seq = Number(recorded.position);
  for (const request_id of requestIds) rows.put('commitment_requests', { commitment_id: commitmentId, request_id, seq });
  for (const requirement_id of requirementIds) rows.put('commitment_requirements', { commitment_id: commitmentId, requirement_id, seq });
};

const unlink = async (rows: PageRows, table: string, commitmentId: string): Promise<void> => {
  for (const row of await rows.find(table, { commitment_id: commitmentId })) rows.delete(table, row);
};

/**
 * A revision that ends the cover keeps the change orders that paid for it, marked ended: history
 * (`endedCovers`), while `coveredBy` lists only what pays for the commitment today.
 */
const endCovers = async (rows: PageRows, d: CommitmentRevised['data']): Promise<void> => {
  for (const cover of await rows.find<CoverRow>('commitment_covers', { commitment_id: d.commitmentId })) {
    if (cover.ended_at === null) rows.put('commitment_covers', { ...cover, ended_at: d.at, ended_in_revision: d.revision });
  }
};

const made = async (rows: PageRows, { data: d }: CommitmentMade, recorded: RecordedEvent): Promise<void> => {
  const asked = await askedOf(rows, d.requestIds, { id: d.madeToId, couldApproveScope: d.madeToCouldApproveScope });
  const row: CommitmentRow = {
    id: d.commitmentId,
    project_id: d.projectId,
    summary: d.summary,
    status: d.status,
    active: 1,
    estimate_hours: d.estimateHours,
    requirement_ids: JSON.stringify(d.requirementIds),
    due_date: d.dueDate ?? null,
    ...judgementColumns(d.atDecision),
    ...judgementColumns(NO_STANDING, 'current_'),
    budget_at_decision: JSON.stringify(d.atDecision.budgetAtDecision),
    made_by_id: d.madeBy.userId,
    made_by_name: d.madeBy.name,
    maker_role: d.makerRole,
    promised_in_revision: 0,
    made_to_id: d.madeToId,
    made_to_could_approve_scope: d.madeToCouldApproveScope ? 1 : 0,
    made_at: d.at,
    revision: 1,
    seq: Number(recorded.position),
    covered: 0,
    asked_with_authority: asked.withAuthority ? 1 : 0,
    asker_names: JSON.stringify(asked.askerNames),
    suspect: 0,
  } as CommitmentRow;
  await writeCommitmentRow(rows, undefined, row);
  link(rows, d.commitmentId, d.requestIds, d.requirementIds, recorded);
  await shiftTotals(rows, d.projectId, (await pageBudgetPicture(rows, d.projectId))?.baseline ?? null, drawing(row), 1);
  rejudge(rows, d.projectId, placeOf(row));
};

/**
 * A revision moves the draw, may relink (asking again who asked), and clears the suspect links: it
 * was reviewed, so every link counts as made now.
 */
const revised = async (rows: PageRows, { data: d }: CommitmentRevised, before: CommitmentRow, recorded: RecordedEvent): Promise<void> => {
  const baseline = (await pageBudgetPicture(rows, d.projectId))?.baseline ?? null;
  await shiftTotals(rows, d.projectId, baseline, drawing(before), -1);
  const asked = await askedOf(rows, d.requestIds, { id: before.made_to_id, couldApproveScope: before.made_to_could_approve_scope === 1 });
  const after: CommitmentRow = {
    ...before,
    status: d.status,
    estimate_hours: d.estimateHours,
    due_date: d.dueDate ?? null,
    requirement_ids: JSON.stringify(d.requirementIds),
    ...(d.atDecision ? { ...judgementColumns(d.atDecision), budget_at_decision: JSON.stringify(d.atDecision.budgetAtDecision) } : {}),
    revision: d.revision,
    ...(d.promisedByReviser ? { maker_role: d.promisedByReviser, promised_in_revision: 1 } : {}),
    asked_with_authority: asked.withAuthority ? 1 : 0,
    asker_names: JSON.stringify(asked.askerNames),
    suspect: 0,
    ...(d.endsCover ? { covered: 0 } : {}),
  };
  await writeCommitmentRow(rows, before, after);
  for (const table of ['commitment_suspect_links_at_stop', 'commitment_requests', 'commitment_requirements']) {
    await unlink(rows, table, d.commitmentId);
  }
  if (d.endsCover) await endCovers(rows, d);
  link(rows, d.commitmentId, d.requestIds, d.requirementIds, recorded);
  await shiftTotals(rows, d.projectId, baseline, drawing(after), 1);
  // From its place before: a cover ended moves it back among the ones drawn as made.
  rejudge(rows, d.projectId, placeOf(before));
};

/** A rejected or withdrawn commitment stops drawing: those after it are judged again. */
const decided = async (
  rows: PageRows,
  event: Exclude<CommitmentEvent, CommitmentMade | CommitmentRevised>,
  before: CommitmentRow,
): Promise<void> => {
  const status = STATUS_AFTER_DECISION[event.type];
  const stops = status === 'REJECTED' || status === 'WITHDRAWN';
  const after: CommitmentRow = {
    ...before,
    status,
    revision: before.revision + 1,
    ...(stops ? { active: 0, ...judgementColumns(NO_STANDING, 'current_') } : {}),
  };
  await writeCommitmentRow(rows, before, after);
  if (!stops) return;
  if (before.active === 1) await keepSuspectLinksAtStop(rows, before.id);
  await shiftTotals(rows, before.project_id, (await pageBudgetPicture(rows, before.project_id))?.baseline ?? null, drawing(before), -1);
  rejudge(rows, before.project_id, placeOf(before));
};

export const applyCommitmentEvent = async (rows: PageRows, event: CommitmentEvent, recorded: RecordedEvent): Promise<void> => {
  if (event.type === 'CommitmentMade') return made(rows, event, recorded);
  const before = await readCommitmentRow(rows, event.data.commitmentId);
  if (!before) return;
  if (event.type === 'CommitmentRevised') return revised(rows, event, before, recorded);
  return decided(rows, event, before);
};
