import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, IdsAcrossKinds } from '@cf/ledger';
import { projectsDecider } from '../domain/projects.decide.js';
import { OpenProjectCommand } from './open-project.command.js';

/** Anyone signed in may open a project; they become its first MANAGER. */
@CommandHandler(OpenProjectCommand)
export class OpenProjectHandler implements ICommandHandler<OpenProjectCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly ids: IdsAcrossKinds,
  ) {}

  async execute({ input, caller }: OpenProjectCommand): Promise<CommandResult> {
    if (input.id) await this.ids.requireIdOfNoOtherKind('project', input.id);
    const projectId = input.id ?? newId();
    return this.eventSourcing.execute(
      projectsDecider,
      streamName('project', projectId),
      {
        type: 'OpenProject',
        projectId,
        name: input.name,
        customerName: input.customerName,
        budgetHours: input.budgetHours,
        contactDaysTarget: input.contactDaysTarget,
        actor: caller.actor,
      },
      { caller, keyed: input },
    );
  }
}
