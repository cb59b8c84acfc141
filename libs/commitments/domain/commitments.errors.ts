import { DomainError } from '@cf/core';
import type { CommitmentStatus } from './commitments.events.js';

const label = (status: CommitmentStatus): string => status.toLowerCase().replace('_', ' ');

/** The errors of decisions on a project's budget; rule names travel in DomainError details.rule. */
export const commitmentErrors = {
  notFound: (commitmentId: string): DomainError => DomainError.notFound('Commitment', commitmentId),
  alreadyExists: (commitmentId: string): DomainError =>
    DomainError.ruleViolated('alreadyExists', `Commitment ${commitmentId} has already been made.`),
  /** The sender saw another revision of the commitment: `currentRevision` is the one to send. */
  unexpectedRevision: (commitmentId: string, currentRevision: number, expectedRevision: number): DomainError =>
    DomainError.unexpectedRevision('Commitment', commitmentId, currentRevision, expectedRevision),
  managerApproves: (): DomainError =>
    DomainError.forbidden('Only a manager of the project can approve or reject a commitment.', 'managerApproves'),
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
    DomainError.ruleViolated('finalState', `The commitment is already ${label(status)}; it cannot change any more.`, 'commitmentId'),
  requirementNotRemoved: (requirementId: string): DomainError =>
    DomainError.ruleViolated(
      'requirementNotRemoved',
      `Requirement ${requirementId} has been removed: a promise on it would read as within requirements; leave it out of requirementIds.`,
      'requirementIds',
    ),
  requestNotWithdrawn: (requestId: string): DomainError =>
    DomainError.ruleViolated(
      'requestNotWithdrawn',
      `Request ${requestId} has been withdrawn: no promise can rest on it; leave it out of requestIds.`,
      'requestIds',
    ),
  /** A link the revision keeps without naming it, to a target gone since: the same rule, said of the link kept. */
  keptLinkGone: (field: 'requirementIds' | 'requestIds', id: string): DomainError =>
    DomainError.ruleViolated(
      field === 'requirementIds' ? 'requirementNotRemoved' : 'requestNotWithdrawn',
      `The commitment still links to ${field === 'requirementIds' ? `requirement ${id}, removed` : `request ${id}, withdrawn`} since: a revision clears the marks of the links it keeps, so it cannot keep this one; send ${field} without it along with the change.`,
      field,
    ),
  linksNotReadable: (commitmentId: string): DomainError =>
    new DomainError(
      'CONFLICT',
      `Commitment ${commitmentId} was relinked a moment ago and its links are not readable yet; send the revision again`,
      {
        entity: 'Commitment',
        id: commitmentId,
      },
    ),
  sessionNotVoided: (sessionId: string): DomainError =>
    DomainError.ruleViolated('sessionNotVoided', `Contact session ${sessionId} was voided: it did not take place.`, 'sessionId'),
  madeToAttendedSession: (sessionId: string): DomainError =>
    DomainError.ruleViolated(
      'madeToAttendedSession',
      `The contact the commitment is made to did not attend contact session ${sessionId}; name a session they attended, or none.`,
      'sessionId',
    ),
  revisionChangesSomething: (): DomainError =>
    DomainError.ruleViolated(
      'revisionChangesSomething',
      'A revision must change the estimate, the due date or the links, or name the links it reviews.',
    ),
};

export const changeOrderErrors = {
  unexpectedRevision: (projectId: string, currentRevision: number, expectedRevision: number): DomainError =>
    DomainError.unexpectedRevision('Project', projectId, currentRevision, expectedRevision),
  countersignerNeeded: (): DomainError =>
    DomainError.badInput('countersignedById', 'is needed to cover commitments: the customer signs a change order'),
  coversActiveCommitments: (commitmentId: string, status: CommitmentStatus): DomainError =>
    DomainError.ruleViolated(
      'coversActiveCommitments',
      `Commitment ${commitmentId} is ${label(status)}; a change order covers only active commitments.`,
      'coversCommitmentIds',
    ),
  coversUncoveredCommitments: (commitmentId: string): DomainError =>
    DomainError.ruleViolated(
      'coversUncoveredCommitments',
      `Commitment ${commitmentId} is paid for already by an earlier change order; another may cover it once a revision ended that cover.`,
      'coversCommitmentIds',
    ),
};

export const baselineErrors = {
  countersignerCanApproveScope: (name: string, what: string): DomainError =>
    DomainError.ruleViolated(
      'countersignerCanApproveScope',
      `${name} may not approve scope, so cannot countersign ${what}`,
      'countersignedById',
    ),
  baselineNotEmpty: (): DomainError => DomainError.ruleViolated('baselineNotEmpty', 'A baseline needs at least one live requirement'),
  baselineNameUnique: (name: string): DomainError =>
    DomainError.ruleViolated('baselineNameUnique', `This project already has a baseline named "${name}"`, 'name'),
  baselineAlreadyExists: (baselineId: string): DomainError =>
    DomainError.ruleViolated('alreadyExists', `Baseline ${baselineId} has already been approved`),
};
