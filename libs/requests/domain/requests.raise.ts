import type { RaiseRequest } from './requests.commands.js';
import { requestErrors } from './requests.errors.js';
import { REQUEST_CHANNELS, REQUEST_KINDS, type RequestRaised } from './requests.events.js';
import { checkDescription, checkFact, checkOneOf, checkTitle } from './requests.input.js';
import type { State } from './requests.state.js';

/** Raising a request: the channel decides what it must name, and every reference is in the project. */
export const raiseRequest = (command: RaiseRequest, state: State): RequestRaised[] => {
  if (state.exists) throw requestErrors.alreadyExists(command.requestId);
  const title = checkTitle(command.title);
  const description = checkDescription(command.description);
  const kind = checkOneOf('kind', command.kind, REQUEST_KINDS);
  const channel = checkOneOf('channel', command.channel, REQUEST_CHANNELS);
  const { projectId, requestedById, relayedById, sessionId } = command;

  if (channel === 'DIRECT' && !sessionId) throw requestErrors.directRequestNamesSession();
  if (channel === 'PROXY' && !relayedById) throw requestErrors.proxyRequestNamesRelay();
  if (relayedById && relayedById === requestedById) throw requestErrors.relayIsNotRequester();

  checkFact('Contact', requestedById, command.requestedBy, projectId);
  if (relayedById) checkFact('Contact', relayedById, command.relayedBy, projectId);
  if (sessionId) checkFact('ContactSession', sessionId, command.session, projectId);
  const requirementIds = [...new Set(command.requirementIds)];
  command.requirementIds.forEach((id, index) =>
    checkFact('Requirement', id, command.requirements[index], projectId),
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
        at: command.at,
      },
    },
  ];
};
