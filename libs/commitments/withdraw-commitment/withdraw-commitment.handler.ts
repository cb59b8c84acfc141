import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { BudgetDecisions } from '../decision/budget-decisions.js';
import { WithdrawCommitmentCommand } from './withdraw-commitment.command.js';

/** MANAGER and DEVELOPER withdraw an open commitment (with a note); its hours leave the budget. */
@CommandHandler(WithdrawCommitmentCommand)
export class WithdrawCommitmentHandler implements ICommandHandler<WithdrawCommitmentCommand, CommandResult> {
  constructor(private readonly budget: BudgetDecisions) {}

  execute({ input, caller }: WithdrawCommitmentCommand): Promise<CommandResult> {
    return this.budget.onCommitment(
      caller,
      input.commitmentId,
      ['MANAGER', 'DEVELOPER'],
      'withdraw commitments',
      ({ actor }) => ({
        type: 'WithdrawCommitment',
        commitmentId: input.commitmentId,
        note: input.note,
        actor,
      }),
      input,
    );
  }
}
