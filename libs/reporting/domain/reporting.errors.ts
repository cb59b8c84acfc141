import { DomainError } from '@cf/core';

/** The rules of the reporting context. */
export const REPORTING_RULES = ['sameProject', 'sameSubject'] as const;
export type ReportingRule = (typeof REPORTING_RULES)[number];

export const reportingErrors = {
  subjectNotFound: (subjectId: string): DomainError => DomainError.notFound('Subject', subjectId),
  sameProject: (what: string, id: string): DomainError =>
    DomainError.ruleViolated('sameProject', `The ${what} ${id} belongs to another project.`),
  sameSubject: (subjectId: string, factId: string): DomainError =>
    DomainError.ruleViolated(
      'sameSubject',
      `The status of ${subjectId} cannot be recorded with the details of ${factId}.`,
    ),
};
