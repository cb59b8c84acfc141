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
      `"${title}" was ${ended}: telling the customer how it goes would say it is still under way`,
      'subjectId',
    ),
  sameSubject: (subjectId: string, factId: string): DomainError =>
    DomainError.ruleViolated('sameSubject', `The status of ${subjectId} cannot be recorded with the details of ${factId}.`),
};
