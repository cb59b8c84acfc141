import { DomainError } from '@cf/core';

export const reportingErrors = {
  subjectNotFound: (subjectId: string): DomainError =>
    DomainError.notFound('Subject', subjectId, 'a status report is about a request, a requirement or a commitment').about('subjectId'),
  reportNotFound: (reportId: string): DomainError => DomainError.notFound('StatusReport', reportId),
  acknowledgedByContactTold: (): DomainError =>
    DomainError.forbidden('Only the customer who was told may acknowledge a status report', 'acknowledgedByContactTold'),
  /** 'subject', not its kind: what another project holds is not the caller's to learn. */
  sameProject: (subjectId: string): DomainError =>
    DomainError.ruleViolated('sameProject', `The subject ${subjectId} belongs to another project.`, 'subjectId'),
  statusAgreesWithPercent: (status: string, percentComplete: number): DomainError =>
    DomainError.ruleViolated(
      'statusAgreesWithPercent',
      `An assessment of ${status} is ${percentComplete} % complete: leave actualPercentComplete out or give ${percentComplete}`,
      'actualPercentComplete',
    ),
  subjectNotEnded: (title: string, ended: string): DomainError =>
    DomainError.ruleViolated(
      'subjectNotEnded',
      `"${title}" was ${ended}: telling the customer how it goes would say it is still under way; tell them it was DROPPED`,
      'toldStatus',
    ),
  /** The ledger's record of the end is its real state: an assessment would say it goes on. */
  endedIsNotAssessed: (title: string, ended: string): DomainError =>
    DomainError.ruleViolated(
      'subjectNotEnded',
      `"${title}" was ${ended}: the ledger holds it as DROPPED, so no assessment says how it goes`,
      'subjectId',
    ),
  onlyEndedIsDropped: (title: string): DomainError =>
    DomainError.ruleViolated(
      'onlyEndedIsDropped',
      `"${title}" has not ended: DROPPED would tell the customer it will not be done`,
      'toldStatus',
    ),
  sameSubject: (subjectId: string, factId: string): DomainError =>
    DomainError.ruleViolated('sameSubject', `The status of ${subjectId} cannot be recorded with the details of ${factId}.`),
};
