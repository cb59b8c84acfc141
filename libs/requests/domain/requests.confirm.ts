import { boundedText, dateOf, oneOf, optionalText, referencedFact, withoutUndefined } from '@cf/core';
import type { AttendedSessionFact, ConfirmRequest } from './requests.commands.js';
import { DESCRIPTION_MAX_LENGTH, requestErrors } from './requests.errors.js';
import { REQUEST_PRIORITIES, type ConfirmationVia, type RequestConfirmed } from './requests.events.js';
import { FINAL_REQUEST_STATUSES, type State } from './requests.state.js';

/** Who the request is attributed to, and when it was raised: what a confirmation is checked against. */
interface Requester {
  contactId: string;
  raisedAt: string;
}

/** The session must be real, attended by the requester, and not before the request was raised. */
const checkSession = (command: ConfirmRequest, requester: Requester, projectId: string): string => {
  const sessionId = command.sessionId;
  if (!sessionId) throw requestErrors.confirmationNamesSession();
  const session: AttendedSessionFact = referencedFact(
    { entity: 'ContactSession', field: 'sessionId' },
    sessionId,
    command.session,
    projectId,
  );
  if (session.voided) throw requestErrors.sessionNotVoided(sessionId);
  if (!session.contactIds.includes(requester.contactId)) throw requestErrors.requesterAttendedSession('confirm');
  if (session.date < dateOf(requester.raisedAt)) throw requestErrors.sessionOnOrAfterRaise(session.date, dateOf(requester.raisedAt));
  return sessionId;
};

/** How the requester's own word reached the record: the CUSTOMER member they are, or a session the team records. */
const viaOf = (command: ConfirmRequest, requester: Requester, projectId: string): { via: ConfirmationVia; sessionId?: string } => {
  if (command.confirmer.role !== 'CUSTOMER') return { via: 'SESSION', sessionId: checkSession(command, requester, projectId) };
  if (command.confirmer.contactId !== requester.contactId) throw requestErrors.confirmedByRequester();
  if (command.sessionId) throw requestErrors.customerConfirmsAsThemselves();
  return { via: 'CUSTOMER_MEMBER' };
};

/**
 * First-hand confirmation: the contact a request is attributed to asked for it themselves. It
 * is what makes a relayed (PROXY) request count as asked by its requester. Another confirmation
 * is taken when it is other evidence (another session, or the CUSTOMER member's own word): a
 * confirmation whose session is voided later no longer counts, and the record must be able to
 * take the evidence that does. The same evidence twice is refused.
 */
export const confirmRequest = (command: ConfirmRequest, state: State): RequestConfirmed[] => {
  const { requestedById, raisedAt } = state;
  if (!state.exists || state.projectId === null || requestedById === null || raisedAt === null)
    throw requestErrors.notFound(command.requestId);
  if (state.status !== null && FINAL_REQUEST_STATUSES.includes(state.status)) throw requestErrors.finalState(state.status);
  const projectId = state.projectId;
  // The event names the requester: once forgotten, they can be named by nothing new (contactNotForgotten).
  referencedFact({ entity: 'Contact', field: 'requestId' }, requestedById, command.requester, projectId);
  const confirmedPriority =
    command.confirmedPriority == null ? undefined : oneOf('confirmedPriority', command.confirmedPriority, REQUEST_PRIORITIES);
  const note = command.note == null ? undefined : optionalText(boundedText('note', command.note, DESCRIPTION_MAX_LENGTH));
  const { via, sessionId } = viaOf(command, { contactId: requestedById, raisedAt }, projectId);
  if (state.confirmedIn.includes(sessionId ?? via)) throw requestErrors.alreadyConfirmed(sessionId);
  // Asked DIRECT in a session, the request is its requester's word there already: confirming it there is the same evidence.
  if (sessionId !== undefined && state.channel === 'DIRECT' && state.sessionId === sessionId) throw requestErrors.alreadyAskedIn(sessionId);
  // More evidence never restates the priority: a new session would otherwise overrule what was confirmed.
  if (confirmedPriority !== undefined && state.confirmedPriority !== null && confirmedPriority !== state.confirmedPriority)
    throw requestErrors.priorityConfirmed(state.confirmedPriority);
  return [
    {
      type: 'RequestConfirmed',
      data: withoutUndefined({
        requestId: command.requestId,
        projectId,
        contactId: requestedById,
        via,
        sessionId,
        confirmedPriority,
        note,
        confirmedBy: { userId: command.actor.userId, name: command.actor.name },
        at: command.at,
      }),
    },
  ];
};
