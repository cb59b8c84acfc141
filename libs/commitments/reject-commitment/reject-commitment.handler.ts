import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { BudgetDecisions } from '../decision/budget-decisions.js';
import { RejectCommitmentCommand } from './reject-commitment.command.js';

/** Rejection is a MANAGER's: everyone else is FORBIDDEN here, naming who may (the decider's rule managerApproves stands behind it). */
@CommandHandler(RejectCommitmentCommand)
export class RejectCommitmentHandler implements ICommandHandler<RejectCommitmentCommand, CommandResult> {
  constructor(private readonly budget: BudgetDecisions) {}

  execute({ input, caller }: RejectCommitmentCommand): Promise<CommandResult> {
    return this.budget.onCommitment(
      caller,
      input.commitmentId,
      ['MANAGER'],
      'reject commitments',
      ({ actor, grant }) => ({
        type: 'RejectCommitment',
        commitmentId: input.commitmentId,
        note: input.note,
        approverRole: grant.role,
        actor,
      }),
      input,
    );
  }
}
