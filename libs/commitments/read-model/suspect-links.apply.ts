import type { PageRows, RecordedEvent } from '@cf/event-store';
import { activeLinkedTo } from './authority.apply.js';
import { readCommitmentRow, writeCommitmentRow } from './commitment-row.js';

export type SuspectKind = 'REQUIREMENT' | 'REQUEST';

/**
 * A link whose target changed after it was made (a requirement revised or removed, a request
 * withdrawn) is suspect, as requirements tools mark it: the promise may no longer match what it
 * was made for. Revising or relinking the commitment clears its suspect links.
 */
export const markSuspect = async (
  rows: PageRows,
  kind: SuspectKind,
  targetId: string,
  reason: string,
  recorded: RecordedEvent,
): Promise<void> => {
  const linked =
    kind === 'REQUIREMENT'
      ? await activeLinkedTo(rows, 'commitment_requirements', { requirement_id: targetId })
      : await activeLinkedTo(rows, 'commitment_requests', { request_id: targetId });
  const links = linked.map((id) => ({ commitment_id: id, kind, target_id: targetId }));
  const known = await rows.peek('commitment_suspect_links', links, []);
  for (const [i, link] of links.entries()) {
    rows.put('commitment_suspect_links', { ...link, reason, seq: Number(recorded.position) });
    if (known[i]) continue;
    const row = await readCommitmentRow(rows, link.commitment_id);
    if (!row) continue;
    await writeCommitmentRow(rows, row, { ...row, suspect: row.suspect + 1 });
  }
};
