import { commitmentsReadModel } from '@cf/commitments';
import type { ReadModelDb } from '@cf/event-store';
import { requestsReadModel } from '@cf/requests';
import { requirementsReadModel } from '@cf/requirements';
import type { StatusSubjectFact } from '../domain/reporting.decide.js';
import { requirementSubjectTitle } from '../domain/subject-title.js';

/**
 * A status can be about a request, a requirement or a commitment; ids are UUIDs, so at most one
 * context holds it. Each is asked through its public read functions for the facts the decider needs.
 */
export const findStatusSubject = async (db: ReadModelDb, id: string): Promise<StatusSubjectFact | null> => {
  const request = await requestsReadModel(db).request(id);
  if (request) return { id, projectId: request.project_id, type: 'REQUEST', title: request.title };
  const requirement = await requirementsReadModel(db).requirement(id);
  if (requirement)
    return {
      id,
      projectId: requirement.project_id,
      type: 'REQUIREMENT',
      title: requirementSubjectTitle(requirement.key, requirement.title),
    };
  const commitment = await commitmentsReadModel(db).commitment(id);
  if (commitment) return { id, projectId: commitment.project_id, type: 'COMMITMENT', title: commitment.summary };
  return null;
};
