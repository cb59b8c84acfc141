import type { Kysely } from 'kysely';
import type { ReadModelDb } from '@cf/event-store';
import type { StatusSubjectFact } from '../domain/reporting.decide.js';

interface SubjectTables {
  requests: { id: string; project_id: string; title: string };
  requirements: { id: string; project_id: string; key: string; title: string };
  commitments: { id: string; project_id: string; summary: string };
}

/**
 * A status can be about a request, a requirement or a commitment; ids are UUIDs, so at most one
 * table holds it. These are other contexts' rows, read by id only for the facts the decider needs.
 */
export const findStatusSubject = async (untyped: ReadModelDb, id: string): Promise<StatusSubjectFact | null> => {
  const db = untyped as Kysely<SubjectTables>;
  const request = await db.selectFrom('requests').select(['id', 'project_id', 'title']).where('id', '=', id).executeTakeFirst();
  if (request) return { id, projectId: request.project_id, type: 'REQUEST', title: request.title };
  const requirement = await db.selectFrom('requirements').select(['id', 'project_id', 'key', 'title']).where('id', '=', id).executeTakeFirst();
  if (requirement) return { id, projectId: requirement.project_id, type: 'REQUIREMENT', title: `${requirement.key}: ${requirement.title}` };
  const commitment = await db.selectFrom('commitments').select(['id', 'project_id', 'summary']).where('id', '=', id).executeTakeFirst();
  if (commitment) return { id, projectId: commitment.project_id, type: 'COMMITMENT', title: commitment.summary };
  return null;
};
