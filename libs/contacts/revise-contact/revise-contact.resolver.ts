import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { toContact } from '../graphql/contact.mapping.js';
import { ContactPayload } from '../graphql/contact.types.js';
import { contactsReadModel } from '../read-model/contacts.read-model.js';
import { ReviseContactCommand } from './revise-contact.command.js';
import { ReviseContactInput } from './revise-contact.input.js';

@Resolver()
export class ReviseContactResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => ContactPayload)
  async reviseContact(@Args('input') input: ReviseContactInput, @CurrentCaller() caller: Caller): Promise<ContactPayload> {
    const result: CommandResult = await this.commandBus.execute(new ReviseContactCommand(input, caller));
    const contact = await contactsReadModel(this.eventSourcing.readModels).contact(input.contactId);
    return { position: result.position.toString(), contact: toContact(readBack(contact, result.position, 'contact')) };
  }
}
