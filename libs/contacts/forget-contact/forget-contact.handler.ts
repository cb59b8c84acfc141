import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { Ledger } from '@cf/ledger';
import { ProjectAccess } from '@cf/projects';
import { contactsDecider } from '../domain/contacts.decide.js';
import { contactErrors } from '../domain/contacts.errors.js';
import { contactsReadModel } from '../read-model/contacts.read-model.js';
import { ForgetContactCommand } from './forget-contact.command.js';

/** Forgetting a person cannot be undone, so only a MANAGER of the contact's project may. */
@CommandHandler(ForgetContactCommand)
export class ForgetContactHandler implements ICommandHandler<ForgetContactCommand, CommandResult> {
  constructor(private readonly ledger: Ledger, private readonly access: ProjectAccess) {}

  async execute({ input, caller }: ForgetContactCommand): Promise<CommandResult> {
    const contact = await contactsReadModel(this.ledger.readModels).contact(input.contactId);
    if (!contact) throw contactErrors.contactNotFound(input.contactId);
    await this.access.require(caller, contact.project_id, ['MANAGER'], 'forget contacts');
    const at = this.ledger.now();
    return this.ledger.execute(contactsDecider, streamName('contact', input.contactId), {
      type: 'ForgetContact',
      contactId: input.contactId,
      reason: input.reason,
      at: at.toISOString(),
      actor: caller.actor,
    }, { caller, at });
  }
}
