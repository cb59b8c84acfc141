import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { BudgetDecisions } from '../decision/budget-decisions.js';
import { ApproveCommitmentCommand } from './approve-commitment.command.js';

/** Approval is a manager's: a DEVELOPER reaches the decider, whose rule managerApproves answers FORBIDDEN with the rule named; AUDITOR and CUSTOMER are FORBIDDEN here. */
@CommandHandler(ApproveCommitmentCommand)
export class ApproveCommitmentHandler implements ICommandHandler<ApproveCommitmentCommand, CommandResult> {
  constructor(private readonly budget: BudgetDecisions) {}

  execute({ input, caller }: ApproveCommitmentCommand): Promise<CommandResult> {
    return this.budget.onCommitment(
      caller,
      input.commitmentId,
      ['MANAGER', 'DEVELOPER'],
      'approve commitments',
      ({ at, actor, grant }) => ({
        type: 'ApproveCommitment',
        commitmentId: input.commitmentId,
        note: input.note,
        approverRole: grant.role,
        at,
        actor,
      }),
    );
  }
}
