import { contactsReadModel } from '@cf/contacts';
import type { ReadModelDb } from '@cf/event-store';
import { requestsReadModel } from '@cf/requests';
import type { MadeToFact, RequestFact, RequirementFact } from '../domain/commitments.commands.js';

/**
 * The cross-stream facts a commitment is judged on, from the other contexts' read models.
 * `null` = does not exist (the decider answers NOT_FOUND for it).
 */
export const madeToFact = async (db: ReadModelDb, contactId: string): Promise<MadeToFact | null> => {
  const contact = await contactsReadModel(db).contact(contactId);
  return contact
    ? { id: contact.id, projectId: contact.project_id, canApproveScope: contact.can_approve_scope === 1, name: contact.name }
    : null;
};

/** A request with its requester's authority: who asked decides `requestedWithoutAuthority`. */
export const requestFact = async (db: ReadModelDb, requestId: string): Promise<RequestFact | null> => {
  const request = await requestsReadModel(db).request(requestId);
  if (!request) return null;
  const requester = await contactsReadModel(db).contact(request.requested_by_id);
  return {
    id: request.id,
    projectId: request.project_id,
    requestedBy: {
      id: request.requested_by_id,
      canApproveScope: requester?.can_approve_scope === 1,
      ...(requester ? { name: requester.name } : {}),
    },
  };
};

/** Requirements are another context's rows; only their id and project matter here. */
export const requirementFact = async (db: ReadModelDb, requirementId: string): Promise<RequirementFact | null> => {
  const row = await db.selectFrom('requirements').select(['id', 'project_id']).where('id', '=', requirementId).executeTakeFirst();
  return row ? { id: row.id as string, projectId: row.project_id as string } : null;
};
