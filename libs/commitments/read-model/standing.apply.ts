import type { PageRows, RowCondition } from '@cf/event-store';
import { drawOf } from '../domain/budget.js';
import { ExposureTally } from '../domain/exposure-tally.js';
import { standingsInOrder } from '../domain/commitments.standing.js';
import { pageBudgetPicture } from './budget-picture.js';
import { type CommitmentRow, judgementColumns, writeCommitmentRow } from './commitment-row.js';

/** Where a re-judgement starts in the draw order (covered first, then as made); none = from the first. */
export interface DrawPlace {
  covered: number;
  seq: number;
}

/** Covered commitments draw first, then all in the order they were made. */
const inDrawOrder = (a: CommitmentRow, b: CommitmentRow): number => b.covered - a.covered || Number(a.seq) - Number(b.seq);

/**
 * The project's active commitments from `from` on (all without it), in draw order. A project may
 * hold thousands of active commitments and a re-judgement usually starts near the last, so the
 * database narrows the read to the suffix each time.
 */
const activeInDrawOrder = async (rows: PageRows, projectId: string, from?: DrawPlace) => {
  const where = { project_id: projectId, active: 1 };
  if (!from) return inDrawOrderWithRequirements(await rows.find<CommitmentRow>('commitments', where));
  const suffix: RowCondition = {
    // `covered` is 0 or 1. Spelt per case, the usual one (an uncovered commitment) is a range of
    // the draw-order index; an OR over both would walk every active commitment of the project.
    sql: (query) =>
      from.covered === 0
        ? query.where('covered', '=', 0).where('seq', '>=', from.seq)
        : query.where((eb) => eb.or([eb('covered', '=', 0), eb.and([eb('covered', '=', 1), eb('seq', '>=', from.seq)])])),
    holds: (row) => (row.covered as number) < from.covered || (row.covered === from.covered && Number(row.seq) >= from.seq),
  };
  // An uncovered suffix is the commitments made since `from.seq` (a commitment keeps the position it was made at):
  // when that is in this page, none of them is stored yet.
  return inDrawOrderWithRequirements(
    from.covered === 0
      ? await rows.findMadeSince<CommitmentRow>('commitments', where, suffix, from.seq)
      : await rows.find<CommitmentRow>('commitments', where, suffix),
  );
};

/** The rows in draw order, each with the requirements it draws on. */
const inDrawOrderWithRequirements = (active: CommitmentRow[]) =>
  active.sort(inDrawOrder).map((row) => ({ row, requirementIds: JSON.parse(row.requirement_ids) as string[] }));

/** Whether place `a` comes before `b` in the draw order (covered first, then as made). */
const before = (a: DrawPlace, b: DrawPlace): boolean => a.covered > b.covered || (a.covered === b.covered && a.seq < b.seq);

/** The earliest place each project of a page is to be judged again from (null: from the first). */
const pending = new WeakMap<PageRows, Map<string, DrawPlace | null>>();

/**
 * Today's standing of a project's active commitments from `from` on in the draw order (all
 * without it) is to be judged again. It is judged once, at the end of the page, from the earliest
 * place any of the page's events asked for: the standing of a commitment depends only on the
 * commitments before it and the budget, so judging the suffix once over the page's end state
 * gives what judging it after every event would, without reading a long suffix again per event
 * (a rebuild makes hundreds of a project's commitments in one page).
 */
export const rejudge = (rows: PageRows, projectId: string, from?: DrawPlace): void => {
  let places = pending.get(rows);
  if (!places) pending.set(rows, (places = new Map()));
  const earlier = places.get(projectId);
  if (earlier === undefined) places.set(projectId, from ?? null);
  else if (earlier !== null) places.set(projectId, from === undefined || before(from, earlier) ? (from ?? null) : earlier);
  rows.atPageEnd(`rejudge ${projectId}`, async () => {
    const place = places.get(projectId);
    places.delete(projectId);
    await rejudgeNow(rows, projectId, place ?? undefined);
  });
};

/**
 * Today's standing of a project's active commitments from `from` on in the draw order, judged
 * again (domain/commitments.standing.ts). Those before `from` are unaffected, and what they draw
 * is the totals less what the re-judged ones draw, so only the re-judged rows are read.
 */
const rejudgeNow = async (rows: PageRows, projectId: string, from?: DrawPlace): Promise<void> => {
  const picture = await pageBudgetPicture(rows, projectId);
  if (!picture) return;
  const suffix = await activeInDrawOrder(rows, projectId, from);
  const start = new ExposureTally(picture.totals);
  for (const c of suffix) start.take(drawOf({ estimateHours: c.row.estimate_hours, requirementIds: c.requirementIds }, picture.baseline));
  const { standings } = standingsInOrder(
    suffix.map(({ row, requirementIds }) => ({
      commitmentId: row.id,
      estimateHours: row.estimate_hours,
      requirementIds,
      makerRole: row.maker_role,
      promisedInRevision: row.promised_in_revision === 1,
      asked: { withAuthority: row.asked_with_authority === 1, askerNames: JSON.parse(row.asker_names) as string[] },
    })),
    picture.budgetHours,
    picture.baseline,
    start,
  );
  for (const { row } of suffix) {
    const standing = standings.get(row.id);
    if (!standing) throw new Error(`no standing judged for commitment ${row.id}`); // standingsInOrder judges every one it is given
    await writeCommitmentRow(rows, row, { ...row, ...judgementColumns(standing, 'current_') });
  }
};

export const placeOf = (row: CommitmentRow): DrawPlace => ({ covered: row.covered, seq: Number(row.seq) });
