import { calendarDate, oneOf, optionalText, positiveNumber, requiredText, type Decider } from '@cf/core';
import { reclassifyCommitment, statusFor } from './commitments.classification.js';
import type {
  ApproveCommitment,
  CommitmentCommand,
  RejectCommitment,
  ReviseCommitment,
} from './commitments.commands.js';
import { commitmentErrors } from './commitments.errors.js';
import {
  PROJECT_MEMBER_ROLES,
  isFinalCommitmentStatus,
  type CommitmentDecisionData,
  type CommitmentEvent,
  type CommitmentRevisionChange,
  type CommitmentStatus,
} from './commitments.events.js';
import { makeCommitment } from './commitments.make.js';
import { evolve, initialState, type CommitmentState } from './commitments.state.js';

export type { Command, CommitmentCommand } from './commitments.commands.js';

type Existing = CommitmentState & { exists: true; projectId: string; status: CommitmentStatus };

/** Any command but the creating one needs an existing commitment that is not in a final state. */
const openCommitment = (commitmentId: string, state: CommitmentState): Existing => {
  if (!state.exists || state.projectId === null || state.status === null) throw commitmentErrors.notFound(commitmentId);
  if (isFinalCommitmentStatus(state.status)) throw commitmentErrors.finalState(state.status);
  return state as Existing;
};

const decision = (
  command: { commitmentId: string; at: string; actor: { userId: string; name: string } },
  state: Existing,
  note: string,
): CommitmentDecisionData => ({
  commitmentId: command.commitmentId,
  projectId: state.projectId,
  note,
  by: { userId: command.actor.userId, name: command.actor.name },
  at: command.at,
});

/** Only a MANAGER decides, and only on a commitment pending approval. */
const approval = (command: ApproveCommitment | RejectCommitment, state: CommitmentState): Existing => {
  const current = openCommitment(command.commitmentId, state);
  const approverRole = oneOf('approverRole', command.approverRole, PROJECT_MEMBER_ROLES);
  if (approverRole !== 'MANAGER') throw commitmentErrors.managerApproves();
  if (current.status !== 'PENDING_APPROVAL') throw commitmentErrors.awaitsApproval(current.status);
  return current;
};

/**
 * A revision re-classifies when the estimate changed (on the budget as it stands now) and keeps
 * the classification otherwise. Either way the status is judged again: an earlier approval was
 * for other figures, so a revised commitment outside requirements or budget awaits approval anew.
 */
const reviseCommitment = (command: ReviseCommitment, state: CommitmentState): CommitmentEvent[] => {
  const current = openCommitment(command.commitmentId, state);
  const reason = requiredText('reason', command.reason);
  const makerRole = oneOf('makerRole', command.makerRole, PROJECT_MEMBER_ROLES);
  const estimateHours =
    command.estimateHours === undefined
      ? current.estimateHours
      : positiveNumber('estimateHours', command.estimateHours);
  const dueDate = command.dueDate === undefined ? current.dueDate : calendarDate('dueDate', command.dueDate);
  const changes: CommitmentRevisionChange[] = [];
  if (estimateHours !== current.estimateHours) {
    changes.push({ field: 'estimateHours', from: current.estimateHours, to: estimateHours });
  }
  if (dueDate !== current.dueDate) changes.push({ field: 'dueDate', from: current.dueDate, to: dueDate });
  if (changes.length === 0) throw commitmentErrors.revisionChangesSomething();
  const previous = current.classification!;
  const classification =
    estimateHours === current.estimateHours
      ? previous
      : reclassifyCommitment(previous, {
          candidate: { commitmentId: command.commitmentId, estimateHours, requirementIds: current.requirementIds },
          budget: command.budget,
          makerRole,
        });
  return [
    {
      type: 'CommitmentRevised',
      data: {
        commitmentId: command.commitmentId,
        projectId: current.projectId,
        revision: current.revision + 1,
        estimateHours,
        ...(dueDate !== null ? { dueDate } : {}),
        changes,
        reason,
        status: statusFor(classification),
        classification,
        by: { userId: command.actor.userId, name: command.actor.name },
        at: command.at,
      },
    },
  ];
};

export const decide = (command: CommitmentCommand, state: CommitmentState): CommitmentEvent[] => {
  switch (command.type) {
    case 'MakeCommitment':
      return makeCommitment(command, state);
    case 'ReviseCommitment':
      return reviseCommitment(command, state);
    case 'ApproveCommitment': {
      const current = approval(command, state);
      return [{ type: 'CommitmentApproved', data: decision(command, current, optionalText(command.note) ?? '') }];
    }
    case 'RejectCommitment': {
      const current = approval(command, state);
      return [{ type: 'CommitmentRejected', data: decision(command, current, requiredText('note', command.note)) }];
    }
    case 'WithdrawCommitment': {
      const current = openCommitment(command.commitmentId, state);
      return [{ type: 'CommitmentWithdrawn', data: decision(command, current, requiredText('note', command.note)) }];
    }
    case 'DeliverCommitment': {
      const current = openCommitment(command.commitmentId, state);
      if (current.status !== 'ACCEPTED' && current.status !== 'APPROVED') {
        throw commitmentErrors.deliverableOnlyWhenAgreed(current.status);
      }
      return [{ type: 'CommitmentDelivered', data: decision(command, current, optionalText(command.note) ?? '') }];
    }
  }
};

export const commitmentsDecider: Decider<CommitmentCommand, CommitmentEvent, CommitmentState> = {
  initialState,
  evolve,
  decide,
};
