import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { toContact } from '../graphql/contact.mapping.js';
import { ContactPayload } from '../graphql/contact.types.js';
import { contactsReadModel } from '../read-model/contacts.read-model.js';
import { ForgetContactCommand } from './forget-contact.command.js';
import { ForgetContactInput } from './forget-contact.input.js';

@Resolver()
export class ForgetContactResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => ContactPayload)
  async forgetContact(@Args('input') input: ForgetContactInput, @CurrentCaller() caller: Caller): Promise<ContactPayload> {
    const result: CommandResult = await this.commandBus.execute(new ForgetContactCommand(input, caller));
    const contact = await contactsReadModel(this.eventSourcing.readModels).contact(input.contactId);
    return { position: result.position.toString(), contact: toContact(readBack(contact, result.position, 'contact')) };
  }
}
