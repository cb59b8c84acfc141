import type { ReadModelTransaction, RecordedEvent } from '@cf/event-store';
import { type CommitmentRow, writeCommitmentRow } from './commitment-row.js';

export type SuspectKind = 'REQUIREMENT' | 'REQUEST';

/**
 * A link whose target changed after it was made (a requirement revised or removed, a request
 * withdrawn) is suspect, as requirements tools mark it: the promise may no longer match what it
 * was made for. Revising or relinking the commitment clears its suspect links.
 */
export const markSuspect = async (trx: ReadModelTransaction, kind: SuspectKind, targetId: string, reason: string, recorded: RecordedEvent): Promise<void> => {
  const linked = (kind === 'REQUIREMENT'
    ? await trx.selectFrom('commitments').innerJoin('commitment_requirements as l', 'l.commitment_id', 'commitments.id')
      .selectAll('commitments').where('l.requirement_id', '=', targetId).where('commitments.active', '=', 1).execute()
    : await trx.selectFrom('commitments').innerJoin('commitment_requests as l', 'l.commitment_id', 'commitments.id')
      .selectAll('commitments').where('l.request_id', '=', targetId).where('commitments.active', '=', 1).execute()) as CommitmentRow[];
  for (const row of linked) {
    const known = await trx.selectFrom('commitment_suspect_links').select('seq')
      .where('commitment_id', '=', row.id).where('kind', '=', kind).where('target_id', '=', targetId).executeTakeFirst();
    if (known) {
      await trx.updateTable('commitment_suspect_links').set({ reason, seq: Number(recorded.position) })
        .where('commitment_id', '=', row.id).where('kind', '=', kind).where('target_id', '=', targetId).execute();
      continue;
    }
    await trx.insertInto('commitment_suspect_links').values({ commitment_id: row.id, kind, target_id: targetId, reason, seq: Number(recorded.position) }).execute();
    await writeCommitmentRow(trx, row, { ...row, suspect: row.suspect + 1 });
  }
};
