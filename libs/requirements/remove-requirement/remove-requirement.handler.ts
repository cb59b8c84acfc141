import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord } from '@cf/ledger';
import { ProjectAccess } from '@cf/projects';
import { requirementsDecider } from '../domain/requirements.decide.js';
import { namedRequirement } from '../read-model/named-requirement.js';
import { triggerFactsOnRecord } from '../trigger-facts/trigger-facts.js';
import { RemoveRequirementCommand } from './remove-requirement.command.js';

/** MANAGERs and DEVELOPERs remove, saying why and what caused it; a removed requirement never changes again. */
@CommandHandler(RemoveRequirementCommand)
export class RemoveRequirementHandler implements ICommandHandler<RemoveRequirementCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ input, caller }: RemoveRequirementCommand): Promise<CommandResult> {
    const db = this.eventSourcing.readModels;
    const { named } = await namedRequirement(db, input.requirementId);
    return executeOnRecord(
      this.eventSourcing,
      requirementsDecider,
      streamName('requirement', input.requirementId),
      async (onRecord) => {
        await this.access.requireNamed(caller, named, ['MANAGER', 'DEVELOPER'], 'remove requirements', onRecord);
        return {
          type: 'RemoveRequirement' as const,
          requirementId: input.requirementId,
          reason: input.reason,
          ...(await triggerFactsOnRecord(onRecord, input)),
          actor: caller.actor,
        };
      },
      { caller, keyed: input },
    );
  }
}
