import { DomainError } from '@cf/core';

export const projectErrors = {
  projectNotFound: (projectId: string): DomainError => DomainError.notFound('Project', projectId),
  projectAlreadyExists: (projectId: string): DomainError =>
    DomainError.ruleViolated('alreadyExists', `Project ${projectId} has already been opened`),
  alreadyMember: (userId: string): DomainError =>
    DomainError.ruleViolated('alreadyMember', `User ${userId} is already a member of this project`, 'userId'),
  customerMemberNamesContact: (): DomainError =>
    DomainError.ruleViolated('customerMemberNamesContact', 'A customer member must be linked to one of the project contacts', 'contactId'),
  onlyCustomerMemberNamesContact: (role: string): DomainError =>
    DomainError.ruleViolated(
      'onlyCustomerMemberNamesContact',
      `Only a CUSTOMER member is linked to a contact; a ${role} is not`,
      'contactId',
    ),
  contactHasMember: (contactId: string, memberName: string): DomainError =>
    DomainError.ruleViolated(
      'contactHasMember',
      `Contact ${contactId} is already a member of this project as ${memberName}; remove that member first to link another login`,
      'contactId',
    ),
  contactStaysDoNotOverlap: (contactId: string, lastDay: string): DomainError =>
    DomainError.ruleViolated(
      'contactHasMember',
      `Contact ${contactId} had a member of this project until ${lastDay}; another login for them starts on that day or later (since ${lastDay} or after)`,
      'since',
    ),
  memberNotFound: (userId: string): DomainError => DomainError.notFound('Member', userId),
  untilAfterSince: (since: string): DomainError =>
    DomainError.ruleViolated('untilAfterSince', `The member joined on ${since}; they cannot leave before that`, 'until'),
  staysDoNotOverlap: (name: string, lastDay: string): DomainError =>
    DomainError.ruleViolated(
      'staysDoNotOverlap',
      `${name} was a member until ${lastDay}; a new stay starts on that day or later (since ${lastDay} or after)`,
      'since',
    ),
  untilAfterSessions: (name: string, lastDay: string): DomainError =>
    DomainError.ruleViolated(
      'untilAfterSessions',
      `${name} spent ${lastDay} with the customers in a contact session; they leave on that day or later (correct or void the session first)`,
      'until',
    ),
  projectKeepsAManager: (name: string): DomainError =>
    DomainError.ruleViolated('projectKeepsAManager', `${name} is the only manager; add another before removing them`),
};
