import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord } from '@cf/ledger';
import { ProjectAccess } from '@cf/projects';
import { requirementsDecider } from '../domain/requirements.decide.js';
import { namedRequirement } from '../read-model/named-requirement.js';
import { triggerFactsOnRecord } from '../trigger-facts/trigger-facts.js';
import { ReviseRequirementCommand } from './revise-requirement.command.js';

/** MANAGERs and DEVELOPERs revise; every revision keeps its reason and trigger. */
@CommandHandler(ReviseRequirementCommand)
export class ReviseRequirementHandler implements ICommandHandler<ReviseRequirementCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ input, caller }: ReviseRequirementCommand): Promise<CommandResult> {
    const db = this.eventSourcing.readModels;
    const { named } = await namedRequirement(db, input.requirementId);
    return executeOnRecord(
      this.eventSourcing,
      requirementsDecider,
      streamName('requirement', input.requirementId),
      async (onRecord) => {
        await this.access.requireNamed(caller, named, ['MANAGER', 'DEVELOPER'], 'revise requirements', onRecord);
        return {
          type: 'ReviseRequirement' as const,
          requirementId: input.requirementId,
          title: input.title ?? undefined,
          text: input.text ?? undefined,
          estimateHours: input.estimateHours ?? undefined,
          reason: input.reason,
          ...(await triggerFactsOnRecord(onRecord, input)),
          actor: caller.actor,
        };
      },
      { caller, expectedRevision: input.expectedRevision },
    );
  }
}
