import { DomainError } from '@cf/core';

export const projectErrors = {
  projectNotFound: (projectId: string): DomainError => DomainError.notFound('Project', projectId),
  projectAlreadyExists: (projectId: string): DomainError =>
    DomainError.ruleViolated('alreadyExists', `Project ${projectId} has already been opened`),
  alreadyMember: (name: string): DomainError =>
    DomainError.ruleViolated('alreadyMember', `${name} is already a member of this project`),
  customerMemberNamesContact: (): DomainError =>
    DomainError.ruleViolated(
      'customerMemberNamesContact',
      'A customer member must be linked to one of the project contacts',
    ),
  sameProject: (what: string): DomainError =>
    DomainError.ruleViolated('sameProject', `${what} belongs to another project`),
};
