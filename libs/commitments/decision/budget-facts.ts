import { contactOnRecord } from '@cf/contacts';
import type { FactsOnRecord } from '@cf/ledger';
import { requirementOnRecord } from '@cf/requirements';
import type { ReadModelDb } from '@cf/event-store';
import type { CommitmentFact, ContactFact, RequirementFact } from '../domain/commitments.facts.js';
import { commitmentsReadModel } from '../read-model/commitments.read-model.js';

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

/**
 * Which project each named commitment belongs to, for a decision on a budget stream that does not
 * hold it (another project's, or none): a commitment never moves, so its read-model row says so. Only
 * the refusal is told apart by it; whether a commitment is covered is decided on the budget stream.
 */
export const commitmentFacts = (readModels: ReadModelDb, commitmentIds: readonly string[]): Promise<(CommitmentFact | null)[]> => {
  const commitments = commitmentsReadModel(readModels);
  return Promise.all(
    commitmentIds.map(async (id) => {
      const row = await commitments.commitment(id);
      return row ? { id, projectId: row.project_id } : null;
    }),
  );
};
