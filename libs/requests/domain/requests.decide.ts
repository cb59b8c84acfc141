import { boundedText, diffFields, nonNegativeHours, nothingToChange, oneOf, referencedFact, requiredText, type Decider } from '@cf/core';
import type {
  ConfirmRequest,
  RaiseRequest,
  ResolveRequest,
  RespondToRequest,
  ReviseRequest,
  WithdrawRequest,
} from './requests.commands.js';
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, requestErrors } from './requests.errors.js';
import { RESPONSE_STANCES, type Event } from './requests.events.js';
import { confirmRequest } from './requests.confirm.js';
import { raiseRequest } from './requests.raise.js';
import { FINAL_REQUEST_STATUSES, evolve, initialState, type State } from './requests.state.js';

export type Command = RaiseRequest | ConfirmRequest | RespondToRequest | ReviseRequest | WithdrawRequest | ResolveRequest;

/** A request that exists and can still change; returns its project. */
const openRequest = (requestId: string, state: State): string => {
  if (!state.exists || state.projectId === null) throw requestErrors.notFound(requestId);
  if (state.status !== null && FINAL_REQUEST_STATUSES.includes(state.status)) {
    throw requestErrors.finalState(state.status);
  }
  return state.projectId;
};

const respond = (command: RespondToRequest, state: State): Event[] => {
  const projectId = openRequest(command.requestId, state);
  const stance = oneOf('stance', command.stance, RESPONSE_STANCES);
  const message = requiredText('message', command.message, DESCRIPTION_MAX_LENGTH);
  const estimateHours = command.estimateHours === undefined ? undefined : nonNegativeHours('estimateHours', command.estimateHours);
  if (stance === 'ESTIMATE' && estimateHours === undefined) throw requestErrors.estimateNamesHours();
  return [
    {
      type: 'RequestResponded',
      data: {
        requestId: command.requestId,
        projectId,
        stance,
        message,
        ...(estimateHours !== undefined ? { estimateHours } : {}),
        respondedBy: { userId: command.actor.userId, name: command.actor.name },
        at: command.at,
      },
    },
  ];
};

/**
 * Reworded in a session: one that took place, with who asked for it there (its requester, or the
 * proxy who relayed it). Its date is not held to the day the request was raised, as a
 * confirmation's is: a request asked in a session is often recorded days later, and reworded in
 * the session it was asked in.
 */
const rewordedIn = (sessionId: string, fact: ReviseRequest['session'], state: State, projectId: string): void => {
  const session = referencedFact({ entity: 'ContactSession', field: 'sessionId' }, sessionId, fact, projectId);
  if (session.voided) throw requestErrors.sessionNotVoided(sessionId);
  const askers = [state.requestedById, state.relayedById].filter((id): id is string => id !== null);
  if (!askers.some((id) => session.contactIds.includes(id))) throw requestErrors.requesterAttendedSession('reword');
};

const revise = (command: ReviseRequest, state: State): Event[] => {
  const projectId = openRequest(command.requestId, state);
  const after = {
    title: command.title === undefined ? undefined : requiredText('title', command.title, TITLE_MAX_LENGTH),
    description: command.description === undefined ? undefined : boundedText('description', command.description, DESCRIPTION_MAX_LENGTH),
  };
  const reason = requiredText('reason', command.reason, DESCRIPTION_MAX_LENGTH);
  const { sessionId } = command;
  if (sessionId) rewordedIn(sessionId, command.session, state, projectId);
  const changes = diffFields<string>({ title: state.title, description: state.description }, after, ['title', 'description']);
  if (changes.length === 0) throw nothingToChange(after, ['title', 'description'], ['a title', 'description']);
  return [
    {
      type: 'RequestRevised',
      data: {
        requestId: command.requestId,
        projectId,
        revision: state.revision + 1,
        changes,
        reason,
        ...(sessionId ? { sessionId } : {}),
        at: command.at,
      },
    },
  ];
};

const withdraw = (command: WithdrawRequest, state: State): Event[] => {
  const projectId = openRequest(command.requestId, state);
  const reason = requiredText('reason', command.reason, DESCRIPTION_MAX_LENGTH);
  return [{ type: 'RequestWithdrawn', data: { requestId: command.requestId, projectId, reason, at: command.at } }];
};

/**
 * OPEN → ANSWERED → RESOLVED (DESIGN): a request no one answered is not resolved — the customer was
 * never told anything, and resolving it would hide that from the responsiveness figures. One that
 * needs no answer any more is withdrawn, with its reason.
 */
const resolve = (command: ResolveRequest, state: State): Event[] => {
  const projectId = openRequest(command.requestId, state);
  if (state.status === 'OPEN') throw requestErrors.answeredBeforeResolved(command.requestId);
  const resolution = requiredText('resolution', command.resolution, DESCRIPTION_MAX_LENGTH);
  return [{ type: 'RequestResolved', data: { requestId: command.requestId, projectId, resolution, at: command.at } }];
};

export const decide = (command: Command, state: State): Event[] => {
  switch (command.type) {
    case 'RaiseRequest':
      return raiseRequest(command, state);
    case 'ConfirmRequest':
      return confirmRequest(command, state);
    case 'RespondToRequest':
      return respond(command, state);
    case 'ReviseRequest':
      return revise(command, state);
    case 'WithdrawRequest':
      return withdraw(command, state);
    case 'ResolveRequest':
      return resolve(command, state);
  }
};

export const requestsDecider: Decider<Command, Event, State> = { initialState, evolve, decide };
