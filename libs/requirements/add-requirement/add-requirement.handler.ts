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
    const requirementId = newId();
    return executeOnRecord(
      this.eventSourcing,
      requirementsDecider,
      streamName('requirement', requirementId),
      async (onRecord) => {
        await this.access.require(caller, input.projectId, ['MANAGER', 'DEVELOPER'], 'add requirements', onRecord);
        const [keyTaken, trigger] = await Promise.all([
          requirementsReadModel(this.eventSourcing.readModels).keyTaken(input.projectId, input.key),
          triggerFactsOnRecord(onRecord, input),
        ]);
        return {
          type: 'AddRequirement' as const,
          requirementId,
          projectId: input.projectId,
          key: input.key,
          keyTaken,
          title: input.title,
          text: input.text,
          estimateHours: input.estimateHours,
          ...trigger,
          actor: caller.actor,
        };
      },
      { caller },
    );
  }
}
