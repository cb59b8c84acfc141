import type { PageRows, RecordedEvent } from '@cf/event-store';

export type SuspectKind = 'REQUIREMENT' | 'REQUEST';

/** The links of each kind: the table and the column naming the target. */
const LINKS = [
  { kind: 'REQUIREMENT', table: 'commitment_requirements', column: 'requirement_id' },
  { kind: 'REQUEST', table: 'commitment_requests', column: 'request_id' },
] as const;

interface TargetChange {
  kind: SuspectKind;
  target_id: string;
  reason: string;
  seq: number;
}

/**
 * A link whose target changed after it was made (a requirement revised or removed, a request
 * withdrawn) is suspect, as requirements tools mark it: the promise may no longer match what it
 * was made for. Only the target's latest change is kept; the links it makes suspect are those made
 * before it, found when read, so a change is one row however many commitments link the target.
 */
export const targetChanged = (rows: PageRows, kind: SuspectKind, targetId: string, reason: string, recorded: RecordedEvent): void => {
  rows.put('commitment_link_target_changes', { kind, target_id: targetId, reason, seq: Number(recorded.position) });
};

/**
 * A commitment that stops drawing (rejected or withdrawn) keeps the suspect links it had then:
 * changes to its targets afterwards no longer concern it.
 */
export const keepSuspectLinksAtStop = async (rows: PageRows, commitmentId: string): Promise<void> => {
  for (const { kind, table, column } of LINKS) {
    const links = await rows.find<Record<string, string | number>>(table, { commitment_id: commitmentId });
    const changes = await rows.getMany<TargetChange>(
      'commitment_link_target_changes',
      links.map((link) => ({ kind, target_id: link[column] })),
    );
    for (const [i, change] of changes.entries()) {
      if (!change || Number(change.seq) <= Number(links[i].seq)) continue;
      rows.put('commitment_suspect_links_at_stop', { commitment_id: commitmentId, ...change, seq: Number(change.seq) });
    }
  }
};
