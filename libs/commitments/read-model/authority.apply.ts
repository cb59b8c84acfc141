import type { PageRows } from '@cf/event-store';
import type { Asked } from '../domain/commitments.judgement.js';
import { type CommitmentRow, readCommitmentRow, writeCommitmentRow } from './commitment-row.js';
import { placeOf, rejudge } from './standing.apply.js';

/**
 * Who could approve scope, and which requests were asked with authority — each as it stood when
 * it happened: events are applied in the order they happened, so a contact's authority read here
 * is the one at the time of the request, the confirmation or the commitment.
 */
interface ContactAuthorityRow {
  contact_id: string;
  name: string;
  can_approve_scope: number;
}
interface RequestAuthorityRow {
  request_id: string;
  requested_by_id: string;
  requester_name: string;
  asked_with_authority: number;
}

const contactAuthority = (rows: PageRows, contactId: string) =>
  rows.get<ContactAuthorityRow>('commitment_contact_authority', { contact_id: contactId });

export const contactRegistered = async (
  rows: PageRows,
  d: { contactId: string; name: string; canApproveScope: boolean },
): Promise<void> => {
  rows.put('commitment_contact_authority', { contact_id: d.contactId, name: d.name, can_approve_scope: d.canApproveScope ? 1 : 0 });
};

/** A revised authority counts from now on: what was asked before keeps the authority it had then. */
export const contactRevised = async (rows: PageRows, d: { contactId: string; canApproveScope?: boolean }): Promise<void> => {
  if (d.canApproveScope === undefined) return;
  const contact = await contactAuthority(rows, d.contactId);
  if (contact) rows.put('commitment_contact_authority', { ...contact, can_approve_scope: d.canApproveScope ? 1 : 0 });
};

/** Asked first-hand (DIRECT or WRITTEN) by a contact who can approve scope; a PROXY request waits for confirmation. */
export const requestRaised = async (rows: PageRows, d: { requestId: string; channel: string; requestedById: string }): Promise<void> => {
  const requester = await contactAuthority(rows, d.requestedById);
  rows.put('commitment_request_authority', {
    request_id: d.requestId,
    requested_by_id: d.requestedById,
    requester_name: requester?.name ?? '',
    asked_with_authority: d.channel !== 'PROXY' && requester?.can_approve_scope === 1 ? 1 : 0,
  });
};

/** The ids of the active commitments linked to a request or requirement (through `table`), in the order they were made. */
export const activeLinkedTo = async (
  rows: PageRows,
  table: 'commitment_requests' | 'commitment_requirements',
  target: Record<string, string>,
): Promise<string[]> => {
  const links = await rows.find(table, target);
  // Only whether each is active and when it was made: a page may look at thousands of them.
  type Linked = Pick<CommitmentRow, 'id' | 'active' | 'seq'>;
  const linked = await rows.peek<Linked>(
    'commitments',
    links.map((link) => ({ id: link.commitment_id })),
    ['active', 'seq'],
  );
  return linked
    .filter((row): row is Linked => row?.active === 1)
    .sort((a, b) => Number(a.seq) - Number(b.seq))
    .map((row) => row.id);
};

/** First-hand confirmation by the requester: with authority when they could approve scope then. */
export const requestConfirmed = async (rows: PageRows, d: { requestId: string; contactId: string }): Promise<void> => {
  const request = await rows.get<RequestAuthorityRow>('commitment_request_authority', { request_id: d.requestId });
  if (!request || request.asked_with_authority === 1 || (await contactAuthority(rows, d.contactId))?.can_approve_scope !== 1) return;
  rows.put('commitment_request_authority', { ...request, asked_with_authority: 1 });
  for (const id of await activeLinkedTo(rows, 'commitment_requests', { request_id: d.requestId })) {
    const row = await readCommitmentRow(rows, id);
    if (!row || row.asked_with_authority !== 0) continue;
    await writeCommitmentRow(rows, row, { ...row, asked_with_authority: 1 });
    await rejudge(rows, row.project_id, placeOf(row));
  }
};

/** With requests linked, whether one was asked with authority; with none, whether the contact it was made to could approve scope when it was made. */
export const askedOf = async (
  rows: PageRows,
  requestIds: readonly string[],
  madeTo: { id: string; couldApproveScope: boolean },
): Promise<Asked> => {
  if (requestIds.length === 0) {
    const name = (await contactAuthority(rows, madeTo.id))?.name;
    return { withAuthority: madeTo.couldApproveScope, askerNames: name ? [name] : [] };
  }
  const requests = await rows.getMany<RequestAuthorityRow>(
    'commitment_request_authority',
    requestIds.map((id) => ({ request_id: id })),
  );
  const linked = requests.filter((r): r is RequestAuthorityRow => r !== undefined);
  return {
    withAuthority: linked.some((r) => r.asked_with_authority === 1),
    askerNames: linked.map((r) => r.requester_name).filter((n) => n !== ''),
  };
};
