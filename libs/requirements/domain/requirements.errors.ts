import { DomainError } from '@cf/core';

export const REQUIREMENT_KEY_MAX_LENGTH = 40;
export const REQUIREMENT_KEY_PATTERN = /^[A-Za-z0-9._-]+$/;
export const REQUIREMENT_TITLE_MAX_LENGTH = 200;
export const REQUIREMENT_TEXT_MAX_LENGTH = 20000;

export const requirementErrors = {
  notFound: (requirementId: string) => DomainError.notFound('Requirement', requirementId),
  requirementKeyUnique: (key: string) =>
    DomainError.ruleViolated('requirementKeyUnique', `The project already has a requirement with key ${key}`, 'key'),
  sessionNotVoided: (sessionId: string) =>
    DomainError.ruleViolated('sessionNotVoided', `Contact session ${sessionId} was voided: it did not take place`, 'sessionId'),
  finalState: () => DomainError.ruleViolated('finalState', 'The requirement has been removed and can no longer change', 'requirementId'),
};
