import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { idOfStream } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { toSession } from '../graphql/contact.mapping.js';
import { ContactSessionPayload } from '../graphql/contact.types.js';
import { contactsReadModel } from '../read-model/contacts.read-model.js';
import { LogContactSessionCommand } from './log-contact-session.command.js';
import { LogContactSessionInput } from './log-contact-session.input.js';

@Resolver()
export class LogContactSessionResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  /** developers and contacts of the session are filled by the ContactSession field resolvers. */
  @Mutation(() => ContactSessionPayload)
  async logContactSession(@Args('input') input: LogContactSessionInput, @CurrentCaller() caller: Caller): Promise<ContactSessionPayload> {
    const result: CommandResult = await this.commandBus.execute(new LogContactSessionCommand(input, caller));
    const session = await contactsReadModel(this.eventSourcing.readModels).session(idOfStream(result.stream));
    return { position: result.position.toString(), session: toSession(readBack(session, result.position, 'session')) };
  }
}
