import { contactOnRecord } from '@cf/contacts';
import type { FactsOnRecord } from '@cf/ledger';
import { requirementOnRecord } from '@cf/requirements';
import type { ContactFact, RequirementFact } from '../domain/commitments.commands.js';

/**
 * The facts of other streams a budget decision is judged on (`null` = does not exist; the decider
 * answers NOT_FOUND): contacts and requirements from their streams, held unmoved till the append
 * (who could approve scope is authority; a removed requirement is no target), requests too
 * (request-facts). The budget itself never comes from here: it is the fold of the budget stream
 * the decision is appended to.
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

export const requirementFacts = (onRecord: FactsOnRecord, requirementIds: readonly string[]): Promise<(RequirementFact | null)[]> =>
  Promise.all(
    requirementIds.map(async (id) => {
      const requirement = await requirementOnRecord(onRecord, id);
      return requirement?.projectId ? { id, projectId: requirement.projectId, removed: requirement.removed } : null;
    }),
  );
