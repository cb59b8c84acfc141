import { DomainError } from '@cf/core';
import type { CommitmentStatus } from './commitments.events.js';

/** The rules of the commitments context (camelCase names travel in DomainError details.rule). */
export const COMMITMENT_RULES = [
  'alreadyExists',
  'sameProject',
  'managerApproves',
  'awaitsApproval',
  'deliverableOnlyWhenAgreed',
  'finalState',
  'revisionChangesSomething',
] as const;
export type CommitmentRule = (typeof COMMITMENT_RULES)[number];

const label = (status: CommitmentStatus): string => status.toLowerCase().replace('_', ' ');

export const commitmentErrors = {
  notFound: (commitmentId: string): DomainError => DomainError.notFound('Commitment', commitmentId),
  alreadyExists: (commitmentId: string): DomainError =>
    DomainError.ruleViolated('alreadyExists', `Commitment ${commitmentId} has already been made.`),
  sameProject: (what: string, id: string): DomainError =>
    DomainError.ruleViolated('sameProject', `The ${what} ${id} belongs to another project.`),
  managerApproves: (): DomainError =>
    DomainError.ruleViolated('managerApproves', 'Only a manager of the project can approve or reject a commitment.'),
  awaitsApproval: (status: CommitmentStatus): DomainError =>
    DomainError.ruleViolated(
      'awaitsApproval',
      `Only a commitment pending approval can be approved or rejected; this one is ${label(status)}.`,
    ),
  deliverableOnlyWhenAgreed: (status: CommitmentStatus): DomainError =>
    DomainError.ruleViolated(
      'deliverableOnlyWhenAgreed',
      `Only an accepted or approved commitment can be delivered; this one is ${label(status)}.`,
    ),
  finalState: (status: CommitmentStatus): DomainError =>
    DomainError.ruleViolated('finalState', `The commitment is already ${label(status)}; it cannot change any more.`),
  revisionChangesSomething: (): DomainError =>
    DomainError.ruleViolated(
      'revisionChangesSomething',
      'A revision must change the estimate or the due date.',
    ),
};
