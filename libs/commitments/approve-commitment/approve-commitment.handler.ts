import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { BudgetDecisions } from '../decision/budget-decisions.js';
import { ApproveCommitmentCommand } from './approve-commitment.command.js';

/** Approval is a MANAGER's: everyone else is FORBIDDEN here, naming who may (the decider's rule managerApproves stands behind it). */
@CommandHandler(ApproveCommitmentCommand)
export class ApproveCommitmentHandler implements ICommandHandler<ApproveCommitmentCommand, CommandResult> {
  constructor(private readonly budget: BudgetDecisions) {}

  execute({ input, caller }: ApproveCommitmentCommand): Promise<CommandResult> {
    return this.budget.onCommitment(
      caller,
      input.commitmentId,
      ['MANAGER'],
      'approve commitments',
      ({ actor, grant }) => ({
        type: 'ApproveCommitment',
        commitmentId: input.commitmentId,
        note: input.note,
        approverRole: grant.role,
        actor,
      }),
      input,
    );
  }
}
