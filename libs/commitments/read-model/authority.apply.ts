import { dateOf } from '@cf/core';
import type { PageRows } from '@cf/event-store';
import type { Asked } from '../domain/commitments.judgement.js';
import { askerLabel } from '../domain/commitments.reasons.js';
import { keepEvidence, reassessRequest, withAuthorityNow } from './authority-evidence.apply.js';

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
  relayer_name: string;
  asked_with_authority: number;
  raised_on: string;
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

/**
 * Asked first-hand (DIRECT, in a session the requester attended, or WRITTEN) by a contact who can
 * approve scope; a PROXY request waits for confirmation. The evidence is kept (authority-evidence).
 */
export const requestRaised = async (
  rows: PageRows,
  d: { requestId: string; channel: string; requestedById: string; relayedById?: string; sessionId?: string; at: string },
): Promise<void> => {
  const requester = await contactAuthority(rows, d.requestedById);
  const relayer = d.relayedById === undefined ? undefined : await contactAuthority(rows, d.relayedById);
  const firstHand = d.channel !== 'PROXY' && requester?.can_approve_scope === 1;
  if (firstHand)
    keepEvidence(rows, d.requestId, { sessionId: d.channel === 'DIRECT' ? d.sessionId : undefined, contactId: d.requestedById });
  rows.put('commitment_request_authority', {
    request_id: d.requestId,
    requested_by_id: d.requestedById,
    requester_name: requester?.name ?? '',
    relayer_name: relayer?.name ?? '',
    asked_with_authority: firstHand ? await withAuthorityNow(rows, d.requestId) : 0,
    raised_on: dateOf(d.at),
  });
};

/** First-hand confirmation by the requester, in a session they attended or as the CUSTOMER member: evidence when they could approve scope then. */
export const requestConfirmed = async (rows: PageRows, d: { requestId: string; contactId: string; sessionId?: string }): Promise<void> => {
  if ((await contactAuthority(rows, d.contactId))?.can_approve_scope !== 1) return;
  const request = await rows.get<RequestAuthorityRow>('commitment_request_authority', { request_id: d.requestId });
  // Confirmed in a session: it holds only while that session is on or after the day the request was raised.
  const notBefore = d.sessionId === undefined ? undefined : request?.raised_on;
  keepEvidence(rows, d.requestId, { sessionId: d.sessionId, contactId: d.contactId, notBefore });
  await reassessRequest(rows, d.requestId);
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
    askerNames: linked.filter((r) => r.requester_name !== '').map((r) => askerLabel(r.requester_name, r.relayer_name)),
  };
};
