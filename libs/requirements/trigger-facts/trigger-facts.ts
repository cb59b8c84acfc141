import { contactsReadModel } from '@cf/contacts';
import type { ReadModelDb } from '@cf/event-store';
import { requestsReadModel } from '@cf/requests';
import type { TriggerInputs } from '../domain/requirements.commands.js';

/**
 * The request and session a change names, as the decider needs them (null: not found);
 * the decider checks they exist and belong to the requirement's project.
 */
export const lookUpTriggerFacts = async (
  db: ReadModelDb,
  ids: { requestId?: string | null; sessionId?: string | null },
): Promise<TriggerInputs> => {
  const requestId = ids.requestId ?? undefined;
  const sessionId = ids.sessionId ?? undefined;
  const request = requestId ? await requestsReadModel(db).request(requestId) : undefined;
  const session = sessionId ? await contactsReadModel(db).session(sessionId) : undefined;
  return {
    requestId,
    request: requestId ? (request ? { id: request.id, projectId: request.project_id, channel: request.channel } : null) : undefined,
    sessionId,
    session: sessionId ? (session ? { id: session.id, projectId: session.project_id, voided: session.voided === 1 } : null) : undefined,
  };
};
