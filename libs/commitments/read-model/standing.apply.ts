import type { ReadModelTransaction } from '@cf/event-store';
import { drawOf, shiftExposure } from '../domain/budget.js';
import { standingsInOrder } from '../domain/commitments.standing.js';
import { readBudgetPicture } from './budget-picture.js';
import { type CommitmentRow, judgementColumns, writeCommitmentRow } from './commitment-row.js';

/** Where a re-judgement starts in the draw order (covered first, then as made); none = from the first. */
export interface DrawPlace {
  covered: number;
  seq: number;
}

const activeInDrawOrder = async (trx: ReadModelTransaction, projectId: string, from?: DrawPlace) => {
  let rows = trx.selectFrom('commitments').selectAll().where('project_id', '=', projectId).where('active', '=', 1);
  if (from) {
    rows = rows.where((eb) => eb.or([eb('covered', '<', from.covered), eb.and([eb('covered', '=', from.covered), eb('seq', '>=', from.seq)])]));
  }
  const ordered = await rows.orderBy('covered', 'desc').orderBy('seq').execute() as CommitmentRow[];
  return ordered.map((row) => ({ row, requirementIds: JSON.parse(row.requirement_ids) as string[] }));
};

/**
 * Today's standing of a project's active commitments from `from` on in the draw order, judged
 * again (domain/commitments.standing.ts). Those before `from` are unaffected, and what they draw
 * is the totals less what the re-judged ones draw, so only the re-judged rows are read.
 */
export const rejudge = async (trx: ReadModelTransaction, projectId: string, from?: DrawPlace): Promise<void> => {
  const picture = await readBudgetPicture(trx, projectId);
  if (!picture) return;
  const suffix = await activeInDrawOrder(trx, projectId, from);
  const start = suffix.reduce((exposure, c) => shiftExposure(exposure, drawOf({ estimateHours: c.row.estimate_hours, requirementIds: c.requirementIds }, picture.baseline), -1), picture.totals);
  const { standings } = standingsInOrder(suffix.map(({ row, requirementIds }) => ({
    commitmentId: row.id,
    estimateHours: row.estimate_hours,
    requirementIds,
    makerRole: row.maker_role,
    asked: { withAuthority: row.asked_with_authority === 1, askerNames: JSON.parse(row.asker_names) as string[] },
  })), picture.budgetHours, picture.baseline, start);
  for (const { row } of suffix) await writeCommitmentRow(trx, row, { ...row, ...judgementColumns(standings.get(row.id)!, 'current_') });
};

export const placeOf = (row: CommitmentRow): DrawPlace => ({ covered: row.covered, seq: Number(row.seq) });

