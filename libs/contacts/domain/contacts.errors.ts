import { DomainError } from '@cf/core';

export const contactErrors = {
  contactNotFound: (contactId: string): DomainError => DomainError.notFound('Contact', contactId),
  contactAlreadyExists: (contactId: string): DomainError =>
    DomainError.ruleViolated('alreadyExists', `Contact ${contactId} has already been registered`),
  contactForgotten: (): DomainError =>
    DomainError.ruleViolated('finalState', 'This contact has been forgotten; nothing more can be done with it', 'contactId'),
  sessionNotFound: (sessionId: string): DomainError => DomainError.notFound('ContactSession', sessionId),
  sessionAlreadyExists: (sessionId: string): DomainError =>
    DomainError.ruleViolated('alreadyExists', `Contact session ${sessionId} has already been logged`),
  developerIsMember: (userId: string): DomainError =>
    DomainError.ruleViolated(
      'developerIsMember',
      `User ${userId} was not a member of this project on every day of the session`,
      'developerIds',
    ),
  sessionDevelopersAreDevelopers: (name: string): DomainError =>
    DomainError.ruleViolated(
      'sessionDevelopersAreDevelopers',
      `${name} is neither a developer nor a manager of this project, so cannot attend as a developer`,
      'developerIds',
    ),
  authorityByManager: (field: string): DomainError =>
    DomainError.forbidden(`Only a MANAGER may give or change a contact's ${field}: it decides whose word counts`, 'authorityByManager'),
};
