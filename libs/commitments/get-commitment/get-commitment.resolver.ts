import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { Contact, contactsReadModel, toContact } from '@cf/contacts';
import { type Caller, CurrentCaller, EventSourcing } from '@cf/ledger';
import { Request, requestsReadModel, toRequest } from '@cf/requests';
import { Commitment } from '../graphql/commitment.types.js';
import { commitmentsReadModel } from '../read-model/commitments.read-model.js';
import { GetCommitmentQuery } from './get-commitment.query.js';

@Resolver(() => Commitment)
export class GetCommitmentResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Query(() => Commitment)
  commitment(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller): Promise<Commitment> {
    return this.queryBus.execute(new GetCommitmentQuery(id, caller));
  }

  /** A commitment reaches a client only after the access check, so its contact is visible too. */
  @ResolveField(() => Contact, { nullable: true })
  async madeTo(@Parent() commitment: Commitment): Promise<Contact | null> {
    const row = await contactsReadModel(this.eventSourcing.readModels).contact(commitment.madeToId);
    return row ? toContact(row) : null;
  }

  /** The linked requests; a CUSTOMER sees only the ones they raised themselves. */
  @ResolveField(() => [Request])
  async requests(@Parent() commitment: Commitment): Promise<Request[]> {
    const db = this.eventSourcing.readModels;
    const ids = await commitmentsReadModel(db).requestIdsOf(commitment.id);
    const rows = await Promise.all(ids.map((id) => requestsReadModel(db).request(id)));
    return rows
      .filter((row) => row !== undefined)
      .filter((row) => commitment.viewerContactId === null || row.requested_by_id === commitment.viewerContactId)
      .map(toRequest);
  }
}
