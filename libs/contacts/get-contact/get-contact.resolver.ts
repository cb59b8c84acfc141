import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { Contact } from '../graphql/contact.types.js';
import { GetContactQuery } from './get-contact.query.js';

@Resolver()
export class GetContactResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => Contact, { nullable: true })
  contact(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller): Promise<Contact | null> {
    return this.queryBus.execute(new GetContactQuery(id, caller));
  }
}
