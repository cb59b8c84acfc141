import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord } from '@cf/ledger';
import { ProjectAccess } from '@cf/projects';
import { contactsDecider } from '../domain/contacts.decide.js';
import { namedContact } from '../read-model/named-contact.js';
import { ReviseContactCommand } from './revise-contact.command.js';

/**
 * Managers and developers correct a contact (a department move, a new organisation); the decider
 * lets only a manager change their role or authority, since that decides whose word counts.
 */
@CommandHandler(ReviseContactCommand)
export class ReviseContactHandler implements ICommandHandler<ReviseContactCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ input, caller }: ReviseContactCommand): Promise<CommandResult> {
    const { named } = await namedContact(this.eventSourcing.readModels, input.contactId);
    // Who may change a contact's authority (a MANAGER) is the project stream's, held unmoved till the append.
    return executeOnRecord(
      this.eventSourcing,
      contactsDecider,
      streamName('contact', input.contactId),
      async (onRecord) => {
        const roles = ['MANAGER', 'DEVELOPER'] as const;
        const { role: actorRole } = await this.access.requireNamed(caller, named, roles, 'revise contacts', onRecord);
        return {
          type: 'ReviseContact' as const,
          contactId: input.contactId,
          reason: input.reason,
          role: input.role,
          canApproveScope: input.canApproveScope,
          department: input.department,
          organisation: input.organisation,
          actorRole,
          actor: caller.actor,
        };
      },
      { caller, expectedRevision: input.expectedRevision },
    );
  }
}
