import type { ReadModelTransaction } from '@cf/event-store';
import type { Asked } from '../domain/commitments.judgement.js';
import { type CommitmentRow, writeCommitmentRow } from './commitment-row.js';
import { placeOf, rejudge } from './standing.apply.js';

/**
 * Who could approve scope, and which requests were asked with authority — each as it stood when
 * it happened: events are applied in the order they happened, so a contact's authority read here
 * is the one at the time of the request, the confirmation or the commitment.
 */
interface ContactAuthorityRow { contact_id: string; name: string; can_approve_scope: number }
interface RequestAuthorityRow { request_id: string; requested_by_id: string; requester_name: string; asked_with_authority: number }

const contactAuthority = (trx: ReadModelTransaction, contactId: string) =>
  trx.selectFrom('commitment_contact_authority').selectAll().where('contact_id', '=', contactId).executeTakeFirst() as Promise<ContactAuthorityRow | undefined>;

export const contactRegistered = async (trx: ReadModelTransaction, d: { contactId: string; name: string; canApproveScope: boolean }): Promise<void> => {
  await trx.insertInto('commitment_contact_authority').values({ contact_id: d.contactId, name: d.name, can_approve_scope: d.canApproveScope ? 1 : 0 }).execute();
};

/** A revised authority counts from now on: what was asked before keeps the authority it had then. */
export const contactRevised = async (trx: ReadModelTransaction, d: { contactId: string; canApproveScope?: boolean }): Promise<void> => {
  if (d.canApproveScope === undefined) return;
  await trx.updateTable('commitment_contact_authority').set({ can_approve_scope: d.canApproveScope ? 1 : 0 }).where('contact_id', '=', d.contactId).execute();
};

/** Asked first-hand (DIRECT or WRITTEN) by a contact who can approve scope; a PROXY request waits for confirmation. */
export const requestRaised = async (trx: ReadModelTransaction, d: { requestId: string; channel: string; requestedById: string }): Promise<void> => {
  const requester = await contactAuthority(trx, d.requestedById);
  await trx.insertInto('commitment_request_authority').values({
    request_id: d.requestId,
    requested_by_id: d.requestedById,
    requester_name: requester?.name ?? '',
    asked_with_authority: d.channel !== 'PROXY' && requester?.can_approve_scope === 1 ? 1 : 0,
  }).execute();
};

/** First-hand confirmation by the requester: with authority when they could approve scope then. */
export const requestConfirmed = async (trx: ReadModelTransaction, d: { requestId: string; contactId: string }): Promise<void> => {
  const request = await trx.selectFrom('commitment_request_authority').selectAll().where('request_id', '=', d.requestId).executeTakeFirst() as RequestAuthorityRow | undefined;
  if (!request || request.asked_with_authority === 1 || (await contactAuthority(trx, d.contactId))?.can_approve_scope !== 1) return;
  await trx.updateTable('commitment_request_authority').set({ asked_with_authority: 1 }).where('request_id', '=', d.requestId).execute();
  const affected = await trx.selectFrom('commitments').innerJoin('commitment_requests', 'commitment_requests.commitment_id', 'commitments.id')
    .selectAll('commitments').where('commitment_requests.request_id', '=', d.requestId).where('commitments.active', '=', 1)
    .where('commitments.asked_with_authority', '=', 0).execute() as CommitmentRow[];
  for (const row of affected) {
    await writeCommitmentRow(trx, row, { ...row, asked_with_authority: 1 });
    await rejudge(trx, row.project_id, placeOf(row));
  }
};

/** With requests linked, whether one was asked with authority; with none, whether the contact it was made to could approve scope when it was made. */
export const askedOf = async (trx: ReadModelTransaction, requestIds: readonly string[], madeTo: { id: string; couldApproveScope: boolean }): Promise<Asked> => {
  if (requestIds.length === 0) {
    const name = (await contactAuthority(trx, madeTo.id))?.name;
    return { withAuthority: madeTo.couldApproveScope, askerNames: name ? [name] : [] };
  }
  const requests = await trx.selectFrom('commitment_request_authority').selectAll().where('request_id', 'in', [...requestIds]).execute() as RequestAuthorityRow[];
  const byId = new Map(requests.map((r) => [r.request_id, r]));
  const linked = requestIds.flatMap((id) => byId.get(id) ?? []);
  return { withAuthority: linked.some((r) => r.asked_with_authority === 1), askerNames: linked.map((r) => r.requester_name).filter((n) => n !== '') };
};
