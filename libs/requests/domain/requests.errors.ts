import { DomainError } from '@cf/core';

export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 20000;

export const requestErrors = {
  alreadyExists: (requestId: string) => DomainError.ruleViolated('alreadyExists', `Request ${requestId} has already been raised`),
  notFound: (requestId: string) => DomainError.notFound('Request', requestId),
  directRequestNamesSession: () =>
    DomainError.ruleViolated(
      'directRequestNamesSession',
      'A request made directly to a developer must name the contact session where it was made',
      'sessionId',
    ),
  writtenRequestNamesNoSession: () =>
    DomainError.ruleViolated(
      'writtenRequestNamesNoSession',
      'A WRITTEN request came in writing: it names no contact session (one asked in a session is DIRECT, or PROXY when relayed)',
      'sessionId',
    ),
  proxyRequestNamesRelay: () =>
    DomainError.ruleViolated(
      'proxyRequestNamesRelay',
      'A request passed on by a proxy must name the contact who relayed it',
      'relayedById',
    ),
  onlyProxyRequestNamesRelay: (channel: string) =>
    DomainError.ruleViolated(
      'onlyProxyRequestNamesRelay',
      `A ${channel} request came from its requester: only a PROXY request names who relayed it`,
      'relayedById',
    ),
  relayIsNotRequester: () =>
    DomainError.ruleViolated('relayIsNotRequester', 'The contact who relayed a request cannot be the one who asked for it', 'relayedById'),
  answeredBeforeResolved: (requestId: string) =>
    DomainError.ruleViolated(
      'answeredBeforeResolved',
      `Request ${requestId} has had no answer yet: respond to it before resolving it, or withdraw it with a reason`,
    ),
  estimateNamesHours: () => DomainError.ruleViolated('estimateNamesHours', 'An estimate must say how many hours it is', 'estimateHours'),
  sessionNotVoided: (sessionId: string) =>
    DomainError.ruleViolated('sessionNotVoided', `Contact session ${sessionId} was voided: it did not take place`, 'sessionId'),
  confirmationNamesSession: () =>
    DomainError.ruleViolated(
      'confirmationNamesSession',
      'The team records a confirmation given in a contact session: name the session',
      'sessionId',
    ),
  requesterAttendedSession: (what: 'ask for' | 'confirm' | 'reword') =>
    DomainError.ruleViolated(
      'requesterAttendedSession',
      `The contact who asked for the request did not attend that session, so could not ${what} it there`,
      'sessionId',
    ),
  relayerAttendedSession: () =>
    DomainError.ruleViolated(
      'relayerAttendedSession',
      'The contact who relayed the request did not attend that session, so could not relay it there',
      'sessionId',
    ),
  sessionOnOrAfterRaise: (sessionDate: string, raisedOn: string) =>
    DomainError.ruleViolated(
      'sessionOnOrAfterRaise',
      `The session on ${sessionDate} was before the request was raised on ${raisedOn}`,
      'sessionId',
    ),
  alreadyConfirmed: (sessionId: string | undefined) =>
    DomainError.ruleViolated(
      'alreadyConfirmed',
      `The request was already confirmed first-hand ${sessionId === undefined ? 'by its CUSTOMER member' : `in session ${sessionId}`}: another confirmation must be other evidence`,
      sessionId === undefined ? undefined : 'sessionId',
    ),
  alreadyAskedIn: (sessionId: string) =>
    DomainError.ruleViolated(
      'alreadyConfirmed',
      `The requester asked for the request in session ${sessionId} already: a confirmation must be other evidence`,
      'sessionId',
    ),
  priorityConfirmed: (priority: string) =>
    DomainError.ruleViolated(
      'priorityConfirmed',
      `The requester already confirmed priority ${priority}: a later confirmation keeps it`,
      'confirmedPriority',
    ),
  confirmedByRequester: () =>
    DomainError.forbidden('A CUSTOMER may confirm only the requests made in their own name', 'confirmedByRequester'),
  customerConfirmsAsThemselves: () =>
    DomainError.badInput('sessionId', 'a CUSTOMER confirms as themselves, not in a session: leave sessionId out'),
  finalState: (status: string) =>
    DomainError.ruleViolated('finalState', `The request is ${status.toLowerCase()} and can no longer change`, 'requestId'),
};
