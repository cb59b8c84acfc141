import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { toSession } from '../graphql/contact.mapping.js';
import { ContactSessionPayload } from '../graphql/contact.types.js';
import { contactsReadModel } from '../read-model/contacts.read-model.js';
import { CorrectContactSessionCommand } from './correct-contact-session.command.js';
import { CorrectContactSessionInput } from './correct-contact-session.input.js';

@Resolver()
export class CorrectContactSessionResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  /** developers and contacts of the session are filled by the ContactSession field resolvers. */
  @Mutation(() => ContactSessionPayload)
  async correctContactSession(
    @Args('input') input: CorrectContactSessionInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ContactSessionPayload> {
    const result: CommandResult = await this.commandBus.execute(new CorrectContactSessionCommand(input, caller));
    const session = await contactsReadModel(this.eventSourcing.readModels).session(input.sessionId);
    return { position: result.position.toString(), session: toSession(readBack(session, result.position, 'session')) };
  }
}
