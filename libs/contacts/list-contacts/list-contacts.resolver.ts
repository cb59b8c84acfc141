import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { Contact } from '../graphql/contact.types.js';
import { ListContactsQuery } from './list-contacts.query.js';

@Resolver()
export class ListContactsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => [Contact])
  contacts(@Args('projectId', { type: () => ID }) projectId: string, @CurrentCaller() caller: Caller): Promise<Contact[]> {
    return this.queryBus.execute(new ListContactsQuery(projectId, caller));
  }
}
