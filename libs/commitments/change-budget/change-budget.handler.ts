import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing } from '@cf/ledger';
import { BudgetDecisions } from '../decision/budget-decisions.js';
import { commitmentFacts, contactFact } from '../decision/budget-facts.js';
import { ChangeBudgetCommand } from './change-budget.command.js';

/** Budget changes only by a MANAGER's change order with a reason, decided on the project's budget stream. */
@CommandHandler(ChangeBudgetCommand)
export class ChangeBudgetHandler implements ICommandHandler<ChangeBudgetCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly budget: BudgetDecisions,
  ) {}

  execute({ input, caller }: ChangeBudgetCommand): Promise<CommandResult> {
    return this.budget.decide(caller, input.projectId, ['MANAGER'], 'change the budget', async (moment) => ({
      type: 'ChangeBudget',
      actor: moment.actor,
      openingBudgetHours: moment.openingBudgetHours,
      projectStreamEvents: moment.projectStreamEvents,
      projectId: input.projectId,
      budgetHours: input.budgetHours,
      reason: input.reason,
      expectedRevision: input.expectedRevision,
      coversCommitmentIds: input.coversCommitmentIds ?? [],
      covered: await commitmentFacts(this.eventSourcing.readModels, input.coversCommitmentIds ?? []),
      ...(input.countersignedById != null
        ? {
            countersignedById: input.countersignedById,
            countersignedBy: await contactFact(moment.onRecord, input.countersignedById),
          }
        : {}),
    }));
  }
}
