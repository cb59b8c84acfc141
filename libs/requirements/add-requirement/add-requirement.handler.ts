import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord } from '@cf/ledger';
import { ProjectAccess } from '@cf/projects';
import { requirementsDecider } from '../domain/requirements.decide.js';
import { requirementsReadModel } from '../read-model/requirements.read-model.js';
import { triggerFactsOnRecord } from '../trigger-facts/trigger-facts.js';
import { AddRequirementCommand } from './add-requirement.command.js';

/** MANAGERs and DEVELOPERs add requirements; the key must be new in the project. */
@CommandHandler(AddRequirementCommand)
export class AddRequirementHandler implements ICommandHandler<AddRequirementCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ input, caller }: AddRequirementCommand): Promise<CommandResult> {
    await this.access.require(caller, input.projectId, ['MANAGER', 'DEVELOPER'], 'add requirements');
    const db = this.eventSourcing.readModels;
    const keyTaken = await requirementsReadModel(db).keyTaken(input.projectId, input.key);
    const requirementId = newId();
    return executeOnRecord(
      this.eventSourcing,
      requirementsDecider,
      streamName('requirement', requirementId),
      async (onRecord) => ({
        type: 'AddRequirement' as const,
        requirementId,
        projectId: input.projectId,
        key: input.key,
        keyTaken,
        title: input.title,
        text: input.text,
        estimateHours: input.estimateHours,
        ...(await triggerFactsOnRecord(onRecord, input)),
        actor: caller.actor,
      }),
      { caller },
    );
  }
}
