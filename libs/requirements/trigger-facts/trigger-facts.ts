import { sessionOnRecord } from '@cf/contacts';
import type { FactsOnRecord } from '@cf/ledger';
import { requestOnRecord } from '@cf/requests';
import type { TriggerInputs } from '../domain/requirements.commands.js';

/**
 * The request and session a change names, as the decider needs them (null: not found); the
 * decider checks they exist and belong to the requirement's project. From their streams, held
 * unmoved till the append: a change traced to a session voided a moment ago on another instance
 * is decided again, and a request raised there a moment ago is found.
 */
export const triggerFactsOnRecord = async (
  onRecord: FactsOnRecord,
  ids: { requestId?: string | null; sessionId?: string | null },
): Promise<TriggerInputs> => {
  const requestId = ids.requestId ?? undefined;
  const sessionId = ids.sessionId ?? undefined;
  const [request, session] = await Promise.all([
    requestId ? requestOnRecord(onRecord, requestId) : undefined,
    sessionId ? sessionOnRecord(onRecord, sessionId) : undefined,
  ]);
  return {
    requestId,
    request: requestId
      ? request?.channel
        ? { id: request.requestId, projectId: request.projectId, channel: request.channel }
        : null
      : undefined,
    sessionId,
    session: sessionId ? (session ? { id: session.id, projectId: session.projectId, voided: session.voided } : null) : undefined,
  };
};
