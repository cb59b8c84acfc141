import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing } from '@cf/ledger';
import { BudgetDecisions } from '../decision/budget-decisions.js';
import { contactFact } from '../decision/budget-facts.js';
import { baselineRequirements } from './baseline-requirements.js';
import { ApproveBaselineCommand } from './approve-baseline.command.js';

/**
 * Only a MANAGER approves a baseline. It changes what every commitment is judged against, so it is
 * decided on the project's budget stream; the live requirements (as the log holds them) and the
 * countersigner are handed in.
 */
@CommandHandler(ApproveBaselineCommand)
export class ApproveBaselineHandler implements ICommandHandler<ApproveBaselineCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly budget: BudgetDecisions,
  ) {}

  execute({ input, caller, baselineId }: ApproveBaselineCommand): Promise<CommandResult> {
    return this.budget.decide(
      caller,
      input.projectId,
      ['MANAGER'],
      'approve a baseline',
      async ({ actor, onRecord }) => ({
        type: 'ApproveBaseline',
        actor,
        projectId: input.projectId,
        baselineId,
        name: input.name,
        countersignedById: input.countersignedById,
        countersignedBy: await contactFact(onRecord, input.countersignedById),
        requirements: await baselineRequirements(this.eventSourcing, onRecord, input.projectId),
      }),
      input,
    );
  }
}
