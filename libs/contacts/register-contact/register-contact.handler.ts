import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { Ledger } from '@cf/ledger';
import { ProjectAccess } from '@cf/projects';
import { contactsDecider } from '../domain/contacts.decide.js';
import { RegisterContactCommand } from './register-contact.command.js';

/** Managers and developers meet customers, so either may register the people they meet. */
@CommandHandler(RegisterContactCommand)
export class RegisterContactHandler implements ICommandHandler<RegisterContactCommand, CommandResult> {
  constructor(private readonly ledger: Ledger, private readonly access: ProjectAccess) {}

  async execute({ input, caller }: RegisterContactCommand): Promise<CommandResult> {
    await this.access.require(caller, input.projectId, ['MANAGER', 'DEVELOPER'], 'register contacts');
    const contactId = newId();
    const at = this.ledger.now();
    return this.ledger.execute(contactsDecider, streamName('contact', contactId), {
      type: 'RegisterContact',
      contactId,
      projectId: input.projectId,
      name: input.name,
      email: input.email,
      organisation: input.organisation,
      department: input.department,
      role: input.role,
      canApproveScope: input.canApproveScope,
      at: at.toISOString(),
      actor: caller.actor,
    }, { caller, at });
  }
}
