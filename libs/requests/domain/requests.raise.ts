import { type Reference, boundedText, distinctIds, oneOf, referencedFact, requiredText } from '@cf/core';
import type { RaiseRequest } from './requests.commands.js';
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, requestErrors } from './requests.errors.js';
import { REQUEST_CHANNELS, REQUEST_KINDS, REQUEST_PRIORITIES, type RequestRaised } from './requests.events.js';
import type { State } from './requests.state.js';

/** Raising a request: the channel decides what it must name, and every reference is in the project. */
export const raiseRequest = (command: RaiseRequest, state: State): RequestRaised[] => {
  if (state.exists) throw requestErrors.alreadyExists(command.requestId);
  const title = requiredText('title', command.title, TITLE_MAX_LENGTH);
  const description = boundedText('description', command.description, DESCRIPTION_MAX_LENGTH);
  const kind = oneOf('kind', command.kind, REQUEST_KINDS);
  const channel = oneOf('channel', command.channel, REQUEST_CHANNELS);
  const { projectId, requestedById, relayedById, sessionId } = command;

  if (channel === 'DIRECT' && !sessionId) throw requestErrors.directRequestNamesSession();
  // Refused whatever the session is: whether the id exists is no answer to a written request.
  if (channel === 'WRITTEN' && sessionId) throw requestErrors.writtenRequestNamesNoSession();
  if (channel === 'PROXY' && !relayedById) throw requestErrors.proxyRequestNamesRelay();
  if (channel !== 'PROXY' && relayedById) throw requestErrors.onlyProxyRequestNamesRelay(channel);
  if (relayedById && relayedById === requestedById) throw requestErrors.relayIsNotRequester();

  const inProject = <Fact extends { projectId: string }>(reference: Reference, id: string, fact: Fact | null | undefined) =>
    referencedFact(reference, id, fact, projectId);
  inProject({ entity: 'Contact', field: 'requestedById' }, requestedById, command.requestedBy);
  if (relayedById) inProject({ entity: 'Contact', field: 'relayedById' }, relayedById, command.relayedBy);
  if (sessionId) {
    const session = inProject({ entity: 'ContactSession', field: 'sessionId' }, sessionId, command.session);
    if (session.voided) throw requestErrors.sessionNotVoided(sessionId);
    // Asked first-hand counts for authority: only of a contact who was there (confirmRequest's rule).
    if (channel === 'DIRECT' && !session.contactIds.includes(requestedById)) throw requestErrors.requesterAttendedSession('ask for');
    // Relayed in a session: by someone who was there, or the record says a proxy spoke where they were not.
    if (relayedById && !session.contactIds.includes(relayedById)) throw requestErrors.relayerAttendedSession();
  }
  const statedPriority = command.statedPriority == null ? undefined : oneOf('statedPriority', command.statedPriority, REQUEST_PRIORITIES);
  const requirementIds = distinctIds('requirementIds', command.requirementIds);
  command.requirementIds.forEach((id, index) =>
    inProject({ entity: 'Requirement', field: 'requirementIds' }, id, command.requirements[index]),
  );

  return [
    {
      type: 'RequestRaised',
      data: {
        requestId: command.requestId,
        projectId,
        title,
        description,
        kind,
        channel,
        requestedById,
        ...(relayedById ? { relayedById } : {}),
        ...(sessionId ? { sessionId } : {}),
        requirementIds,
        ...(statedPriority ? { statedPriority } : {}),
        at: command.at,
      },
    },
  ];
};
