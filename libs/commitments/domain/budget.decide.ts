import { type Decider, oneOf, optionalText, requiredText } from '@cf/core';
import { approveBaseline } from './baseline.decide.js';
import { type BudgetEvent, type BudgetState, type CommitmentSlot, evolveBudget, initialBudgetState } from './budget.state.js';
import { changeBudget } from './change-order.decide.js';
import type { ApproveCommitment, BudgetCommand, RejectCommitment } from './commitments.commands.js';
import { commitmentErrors } from './commitments.errors.js';
import { type CommitmentDecisionData, type CommitmentEvent, PROJECT_MEMBER_ROLES, isFinalCommitmentStatus } from './commitments.events.js';
import { makeCommitment } from './commitments.make.js';
import { reviseCommitment } from './commitments.revise.js';

/** Any command on a commitment but the one that makes it needs it to exist and not be final. */
const openCommitment = (commitmentId: string, state: BudgetState): CommitmentSlot => {
  const slot = state.commitments.get(commitmentId);
  if (!slot) throw commitmentErrors.notFound(commitmentId);
  if (isFinalCommitmentStatus(slot.status)) throw commitmentErrors.finalState(slot.status);
  return slot;
};

const decision = (
  command: { commitmentId: string; at: string; actor: { userId: string; name: string } },
  slot: CommitmentSlot,
  note: string,
): CommitmentDecisionData => ({
  commitmentId: command.commitmentId,
  projectId: slot.projectId,
  note,
  by: { userId: command.actor.userId, name: command.actor.name },
  at: command.at,
});

/** Only a MANAGER decides, and only on a commitment pending approval. */
const approval = (command: ApproveCommitment | RejectCommitment, state: BudgetState): CommitmentSlot => {
  const slot = openCommitment(command.commitmentId, state);
  if (oneOf('approverRole', command.approverRole, PROJECT_MEMBER_ROLES) !== 'MANAGER') throw commitmentErrors.managerApproves();
  if (slot.status !== 'PENDING_APPROVAL') throw commitmentErrors.awaitsApproval(slot.status);
  return slot;
};

const decideCommitment = (
  command: Exclude<BudgetCommand, { type: 'ChangeBudget' | 'ApproveBaseline' | 'MakeCommitment' }>,
  state: BudgetState,
): CommitmentEvent[] => {
  switch (command.type) {
    case 'ReviseCommitment':
      return reviseCommitment(command, openCommitment(command.commitmentId, state), state);
    case 'ApproveCommitment':
      return [{ type: 'CommitmentApproved', data: decision(command, approval(command, state), optionalText(command.note) ?? '') }];
    case 'RejectCommitment':
      return [{ type: 'CommitmentRejected', data: decision(command, approval(command, state), requiredText('note', command.note)) }];
    case 'WithdrawCommitment': {
      const slot = openCommitment(command.commitmentId, state);
      return [{ type: 'CommitmentWithdrawn', data: decision(command, slot, requiredText('note', command.note)) }];
    }
    case 'DeliverCommitment': {
      const slot = openCommitment(command.commitmentId, state);
      if (slot.status !== 'ACCEPTED' && slot.status !== 'APPROVED') throw commitmentErrors.deliverableOnlyWhenAgreed(slot.status);
      return [{ type: 'CommitmentDelivered', data: decision(command, slot, optionalText(command.note) ?? '') }];
    }
  }
};

export const decideBudget = (command: BudgetCommand, state: BudgetState): BudgetEvent[] => {
  switch (command.type) {
    case 'MakeCommitment':
      return makeCommitment(command, state);
    case 'ChangeBudget':
      return changeBudget(command, state);
    case 'ApproveBaseline':
      return approveBaseline(command, state);
    default:
      return decideCommitment(command, state);
  }
};

/**
 * The decider of a project's budget stream `budget-<projectId>`: commitments, change orders and
 * baselines, every decision that draws on the budget, so that the stream's expected revision is
 * the one consistency condition they are appended under (on every store, any number of instances).
 */
export const budgetDecider: Decider<BudgetCommand, BudgetEvent, BudgetState> = {
  initialState: initialBudgetState,
  evolve: evolveBudget,
  decide: decideBudget,
};
