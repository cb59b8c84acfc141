import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, EventSourcing } from '@cf/ledger';
import { UserRef } from '@cf/projects';
import { toContact } from '../graphql/contact.mapping.js';
import { Contact, ContactSession } from '../graphql/contact.types.js';
import { contactsReadModel } from '../read-model/contacts.read-model.js';
import { GetSessionQuery } from './get-session.query.js';

/**
 * The session query, and the nested fields of every ContactSession wherever it appears (a session
 * is only reached after an access check on its project).
 */
@Resolver(() => ContactSession)
export class GetSessionResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Query(() => ContactSession, { nullable: true })
  session(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller): Promise<ContactSession> {
    return this.queryBus.execute(new GetSessionQuery(id, caller));
  }

  @ResolveField(() => [UserRef])
  async developers(@Parent() session: ContactSession): Promise<UserRef[]> {
    const rows = await contactsReadModel(this.eventSourcing.readModels).sessionDevelopers(session.id);
    return rows.map((row) => ({ userId: row.user_id, name: row.name }));
  }

  @ResolveField(() => [Contact])
  async contacts(@Parent() session: ContactSession): Promise<Contact[]> {
    return (await contactsReadModel(this.eventSourcing.readModels).sessionContacts(session.id)).map(toContact);
  }
}
