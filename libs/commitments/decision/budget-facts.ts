import { contactOnRecord } from '@cf/contacts';
import type { FactsOnRecord } from '@cf/ledger';
import type { ReadModelDb } from '@cf/event-store';
import { requestsReadModel } from '@cf/requests';
import { requirementOnRecord } from '@cf/requirements';
import type { ContactFact, RequestFact, RequirementFact } from '../domain/commitments.commands.js';
import { commitmentsReadModel } from '../read-model/commitments.read-model.js';

/**
 * The facts of other streams a budget decision is judged on (`null` = does not exist; the decider
 * answers NOT_FOUND): contacts and requirements from their streams, held unmoved till the append
 * (who could approve scope is authority; a removed requirement is no target), requests from their
 * context's read model (whether one was asked with authority rests on sessions and contacts too). The budget
 * itself never comes from here: it is the fold of the budget stream the decision is appended to.
 */
export const contactFact = async (onRecord: FactsOnRecord, contactId: string): Promise<ContactFact | null> => {
  const contact = await contactOnRecord(onRecord, contactId);
  return contact
    ? {
        id: contact.contactId,
        projectId: contact.projectId,
        canApproveScope: contact.canApproveScope,
        name: contact.name,
        forgotten: contact.forgotten,
      }
    : null;
};

/** Requests with whether each was asked or confirmed first-hand by someone who could approve scope then. */
export const requestFacts = async (db: ReadModelDb, requestIds: readonly string[]): Promise<(RequestFact | null)[]> => {
  const authority = await commitmentsReadModel(db).requestAuthority(requestIds);
  return Promise.all(
    requestIds.map(async (id) => {
      const request = await requestsReadModel(db).request(id);
      const asked = authority.get(id);
      return request
        ? {
            id,
            projectId: request.project_id,
            askedWithAuthority: asked?.askedWithAuthority ?? false,
            ...(asked?.requesterName ? { requesterName: asked.requesterName } : {}),
            withdrawn: request.status === 'WITHDRAWN',
          }
        : null;
    }),
  );
};

export const requirementFacts = (onRecord: FactsOnRecord, requirementIds: readonly string[]): Promise<(RequirementFact | null)[]> =>
  Promise.all(
    requirementIds.map(async (id) => {
      const requirement = await requirementOnRecord(onRecord, id);
      return requirement?.projectId ? { id, projectId: requirement.projectId, removed: requirement.removed } : null;
    }),
  );
