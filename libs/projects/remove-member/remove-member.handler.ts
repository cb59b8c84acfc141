import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord } from '@cf/ledger';
import { ProjectAccess } from '../access/project-access.js';
import { projectsDecider } from '../domain/projects.decide.js';
import { RemoveMemberCommand } from './remove-member.command.js';
import { DaysWithCustomers } from './days-with-customers.js';

/**
 * Only a MANAGER removes members. A former member loses access at once; the contact days they
 * logged stay in their months, and the target stops applying after their last day.
 */
@CommandHandler(RemoveMemberCommand)
export class RemoveMemberHandler implements ICommandHandler<RemoveMemberCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
    private readonly daysWithCustomers: DaysWithCustomers,
  ) {}

  async execute({ input, caller }: RemoveMemberCommand): Promise<CommandResult> {
    return executeOnRecord(
      this.eventSourcing,
      projectsDecider,
      streamName('project', input.projectId),
      async (onRecord) => {
        await this.access.require(caller, input.projectId, ['MANAGER'], 'remove members', onRecord);
        return {
          type: 'RemoveMember' as const,
          projectId: input.projectId,
          userId: input.userId,
          reason: input.reason,
          until: input.until,
          lastDayWithCustomers: await this.daysWithCustomers.lastDay(input.projectId, input.userId, onRecord),
          actor: caller.actor,
        };
      },
      { caller, keyed: input },
    );
  }
}
