import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { idOfStream } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { toContact } from '../graphql/contact.mapping.js';
import { ContactPayload } from '../graphql/contact.types.js';
import { contactsReadModel } from '../read-model/contacts.read-model.js';
import { RegisterContactCommand } from './register-contact.command.js';
import { RegisterContactInput } from './register-contact.input.js';

@Resolver()
export class RegisterContactResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => ContactPayload)
  async registerContact(@Args('input') input: RegisterContactInput, @CurrentCaller() caller: Caller): Promise<ContactPayload> {
    const result: CommandResult = await this.commandBus.execute(new RegisterContactCommand(input, caller));
    const contact = await contactsReadModel(this.eventSourcing.readModels).contact(idOfStream(result.stream));
    return { position: result.position.toString(), contact: toContact(readBack(contact, result.position, 'contact')) };
  }
}
