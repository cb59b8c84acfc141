import { budgetDecider, commitmentsReadModel } from '@cf/commitments';
import { streamName } from '@cf/core';
import type { ReadModelDb } from '@cf/event-store';
import type { FactsOnRecord } from '@cf/ledger';
import { requestOnRecord, requestsReadModel } from '@cf/requests';
import { requirementOnRecord, requirementsReadModel } from '@cf/requirements';
import type { StatusSubjectFact } from '../domain/reporting.decide.js';
import { requirementSubjectTitle } from '../domain/subject-title.js';

/**
 * A status can be about a request, a requirement or a commitment; ids are UUIDs, so at most one
 * context holds it. Each is asked through its public read functions for the facts the decider
 * needs; with `onRecord`, whether it ended is read from its stream and held unmoved till the
 * append (one removed or withdrawn on another instance meanwhile makes the decision start again).
 */
export const findStatusSubject = async (db: ReadModelDb, id: string, onRecord?: FactsOnRecord): Promise<StatusSubjectFact | null> => {
  const request = await requestsReadModel(db).request(id);
  if (request) {
    const withdrawn = onRecord && (await requestOnRecord(onRecord, id))?.withdrawn;
    return { id, projectId: request.project_id, type: 'REQUEST', title: request.title, ...(withdrawn ? { ended: 'withdrawn' } : {}) };
  }
  const requirement = await requirementsReadModel(db).requirement(id);
  if (requirement) {
    const removed = onRecord && (await requirementOnRecord(onRecord, id))?.removed;
    const title = requirementSubjectTitle(requirement.key, requirement.title);
    return { id, projectId: requirement.project_id, type: 'REQUIREMENT', title, ...(removed ? { ended: 'removed' } : {}) };
  }
  const commitment = await commitmentsReadModel(db).commitment(id);
  if (!commitment) return null;
  const status =
    onRecord && (await onRecord.fold(budgetDecider, streamName('budget', commitment.project_id))).state.commitments.get(id)?.status;
  const ended = status === 'WITHDRAWN' || status === 'REJECTED' ? { ended: status.toLowerCase() } : {};
  return { id, projectId: commitment.project_id, type: 'COMMITMENT', title: commitment.summary, ...ended };
};
