import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { BudgetDecisions } from '../decision/budget-decisions.js';
import { DeliverCommitmentCommand } from './deliver-commitment.command.js';

/** MANAGER and DEVELOPER mark an accepted or approved commitment delivered; it still counts in the budget. */
@CommandHandler(DeliverCommitmentCommand)
export class DeliverCommitmentHandler implements ICommandHandler<DeliverCommitmentCommand, CommandResult> {
  constructor(private readonly budget: BudgetDecisions) {}

  execute({ input, caller }: DeliverCommitmentCommand): Promise<CommandResult> {
    return this.budget.onCommitment(
      caller,
      input.commitmentId,
      ['MANAGER', 'DEVELOPER'],
      'deliver commitments',
      ({ actor }) => ({
        type: 'DeliverCommitment',
        commitmentId: input.commitmentId,
        note: input.note,
        actor,
      }),
      input,
    );
  }
}
