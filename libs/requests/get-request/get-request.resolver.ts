import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError } from '@cf/core';
import { Contact, ContactSession, contactsReadModel, toContact, toSession } from '@cf/contacts';
import { type Caller, CurrentCaller, EventSourcing } from '@cf/ledger';
import { toRequestAnswer } from '../graphql/request.mapping.js';
import { Request, RequestAnswer } from '../graphql/request.types.js';
import { requestsReadModel } from '../read-model/requests.read-model.js';
import { GetRequestQuery } from './get-request.query.js';

/**
 * The request query, and the nested fields of every Request wherever it appears (a request is
 * only reached after an access check, which already limits a customer to their own requests).
 */
@Resolver(() => Request)
export class GetRequestResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Query(() => Request)
  request(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller): Promise<Request> {
    return this.queryBus.execute(new GetRequestQuery(id, caller));
  }

  /** A customer sees the requester: it is themselves. */
  @ResolveField(() => Contact)
  async requestedBy(@Parent() request: Request): Promise<Contact> {
    const row = await contactsReadModel(this.eventSourcing.readModels).contact(request.requestedById);
    if (!row) throw DomainError.notFound('Contact', request.requestedById);
    return toContact(row);
  }

  /** Another contact, so customers do not get it (CUSTOMER_VIEW). */
  @ResolveField(() => Contact, { nullable: true, description: 'Who passed a PROXY request on; null for customers' })
  async relayedBy(@Parent() request: Request): Promise<Contact | null> {
    if (!request.relayedById) return null;
    const row = await contactsReadModel(this.eventSourcing.readModels).contact(request.relayedById);
    return row ? toContact(row) : null;
  }

  /** A session lists the other contacts who were there, so customers do not get it (CUSTOMER_VIEW). */
  @ResolveField(() => ContactSession, { nullable: true, description: 'Where a DIRECT request was made; null for customers' })
  async session(@Parent() request: Request): Promise<ContactSession | null> {
    if (!request.sessionId) return null;
    const row = await contactsReadModel(this.eventSourcing.readModels).session(request.sessionId);
    return row ? toSession(row) : null;
  }

  @ResolveField(() => [RequestAnswer])
  async responses(@Parent() request: Request): Promise<RequestAnswer[]> {
    return (await requestsReadModel(this.eventSourcing.readModels).responsesOf(request.id)).map(toRequestAnswer);
  }
}
