import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { Contact, contactsReadModel, toContact } from '@cf/contacts';
import { DomainError } from '@cf/core';
import { type Caller, CurrentCaller, EventSourcing } from '@cf/ledger';
import { PerceptionGap } from '../graphql/reporting.types.js';
import { PerceptionGapsQuery } from './perception-gaps.query.js';

@Resolver(() => PerceptionGap)
export class PerceptionGapsResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Query(() => [PerceptionGap], {
    description:
      "Per subject and contact told: the contact's latest report that the latest assessment contradicts or the contact disputed; " +
      'in the order each contact was first told about each subject, so a pair keeps its place as new reports are told',
  })
  perceptionGaps(@Args('projectId', { type: () => ID }) projectId: string, @CurrentCaller() caller: Caller): Promise<PerceptionGap[]> {
    return this.queryBus.execute(new PerceptionGapsQuery(projectId, caller));
  }

  /** Gaps are read by internal roles only (the handler checks), so any contact of the project may show. */
  @ResolveField(() => Contact)
  async toldTo(@Parent() gap: PerceptionGap): Promise<Contact> {
    const row = await contactsReadModel(this.eventSourcing.readModels).contact(gap.toldToId);
    if (!row) throw DomainError.notFound('Contact', gap.toldToId);
    return toContact(row);
  }
}
