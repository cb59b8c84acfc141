import type { PageRows, RecordedEvent, RowCondition } from '@cf/event-store';
import { type CommitmentRow, writeCommitmentRow } from './commitment-row.js';

export type SuspectKind = 'REQUIREMENT' | 'REQUEST';

/** The links of each kind: the table and the column naming the target. */
const LINKS = {
  REQUIREMENT: { table: 'commitment_requirements', column: 'requirement_id' },
  REQUEST: { table: 'commitment_requests', column: 'request_id' },
} as const;

const CHANGES = 'commitment_link_target_changes';

interface TargetChange {
  kind: SuspectKind;
  target_id: string;
  reason: string;
  seq: number;
}

const madeAfter = (seq: number): RowCondition => ({
  sql: (query) => query.where('seq', '>', seq),
  holds: (row) => Number(row.seq) > seq,
});

/**
 * A link whose target changed after it was made (a requirement revised or removed, a request
 * withdrawn) is suspect, as requirements tools mark it: the promise may no longer match what it
 * was made for. Only the target's latest change is kept; the links it makes suspect are those made
 * before it, found when read, so a change is one row however many commitments link the target.
 * The links made before its previous change were already suspect: only those made since turn
 * suspect now, and their commitments count as suspect — each link reached once, not at every change.
 */
export const targetChanged = async (
  rows: PageRows,
  kind: SuspectKind,
  targetId: string,
  reason: string,
  recorded: RecordedEvent,
): Promise<void> => {
  const previous = await rows.get<TargetChange>(CHANGES, { kind, target_id: targetId });
  rows.put(CHANGES, { kind, target_id: targetId, reason, seq: Number(recorded.position) });
  const { table, column } = LINKS[kind];
  const since = Number(previous?.seq ?? 0);
  const links = await rows.findMadeSince<{ commitment_id: string }>(table, { [column]: targetId }, madeAfter(since), since + 1);
  const linked = await rows.getMany<CommitmentRow>(
    'commitments',
    links.map((link) => ({ id: link.commitment_id })),
  );
  for (const row of linked) {
    if (row?.active === 1 && row.suspect === 0) await writeCommitmentRow(rows, row, { ...row, suspect: 1 });
  }
};

/**
 * A commitment that stops drawing (rejected or withdrawn) keeps the suspect links it had then:
 * changes to its targets afterwards no longer concern it.
 */
export const keepSuspectLinksAtStop = async (rows: PageRows, commitmentId: string): Promise<void> => {
  for (const [kind, { table, column }] of Object.entries(LINKS)) {
    const links = await rows.find<Record<string, string | number>>(table, { commitment_id: commitmentId });
    const changes = await rows.getMany<TargetChange>(
      CHANGES,
      links.map((link) => ({ kind, target_id: link[column] })),
    );
    for (const [i, change] of changes.entries()) {
      if (!change || Number(change.seq) <= Number(links[i].seq)) continue;
      rows.put('commitment_suspect_links_at_stop', { commitment_id: commitmentId, ...change, seq: Number(change.seq) });
    }
  }
};
