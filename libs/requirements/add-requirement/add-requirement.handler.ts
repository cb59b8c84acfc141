import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord } from '@cf/ledger';
import { ProjectAccess, openingHashOf } from '@cf/projects';
import { requirementsDecider } from '../domain/requirements.decide.js';
import { requirementIdOfKey } from '../domain/requirements.input.js';
import { requirementsReadModel } from '../read-model/requirements.read-model.js';
import { triggerFactsOnRecord } from '../trigger-facts/trigger-facts.js';
import { AddRequirementCommand } from './add-requirement.command.js';

/**
 * MANAGERs and DEVELOPERs add requirements; the key must be new in the project. Its stream decides
 * (requirementIdOfKey); the read model answers only for requirements recorded before ids followed from keys.
 */
@CommandHandler(AddRequirementCommand)
export class AddRequirementHandler implements ICommandHandler<AddRequirementCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ input, caller }: AddRequirementCommand): Promise<CommandResult> {
    const requirementId = requirementIdOfKey(await openingHashOf(this.eventSourcing.store, input.projectId), input.key);
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
      { caller, keyed: input },
    );
  }
}
