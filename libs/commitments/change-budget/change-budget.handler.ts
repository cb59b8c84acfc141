import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { Ledger } from '@cf/ledger';
import { ProjectAccess } from '../access/project-access.js';
import { projectsDecider } from '../domain/projects.decide.js';
import { ChangeBudgetCommand } from './change-budget.command.js';

/** Budget changes only by a MANAGER's change order with a reason. */
@CommandHandler(ChangeBudgetCommand)
export class ChangeBudgetHandler implements ICommandHandler<ChangeBudgetCommand, CommandResult> {
  constructor(private readonly ledger: Ledger, private readonly access: ProjectAccess) {}

  async execute({ input, caller }: ChangeBudgetCommand): Promise<CommandResult> {
    await this.access.require(caller, input.projectId, ['MANAGER'], 'change the budget');
    const at = this.ledger.now();
    return this.ledger.execute(projectsDecider, streamName('project', input.projectId), {
      type: 'ChangeBudget',
      projectId: input.projectId,
      budgetHours: input.budgetHours,
      reason: input.reason,
      at: at.toISOString(),
      actor: caller.actor,
    }, { caller, at, expectedRevision: input.expectedRevision });
  }
}
