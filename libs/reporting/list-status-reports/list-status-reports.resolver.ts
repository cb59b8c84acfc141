import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { Contact, contactsReadModel, toContact } from '@cf/contacts';
import { DomainError } from '@cf/core';
import { type Caller, CurrentCaller, EventSourcing } from '@cf/ledger';
import { StatusReport } from '../graphql/reporting.types.js';
import { ListStatusReportsQuery } from './list-status-reports.query.js';

@Resolver(() => StatusReport)
export class ListStatusReportsResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Query(() => [StatusReport], {
    description: 'Every report of what a contact was told, oldest first; a CUSTOMER gets those to their own contact',
  })
  statusReports(@Args('projectId', { type: () => ID }) projectId: string, @CurrentCaller() caller: Caller): Promise<StatusReport[]> {
    return this.queryBus.execute(new ListStatusReportsQuery(projectId, caller));
  }

  /** The handler kept a customer to the reports to themselves, so toldTo is always a contact they may see. */
  @ResolveField(() => Contact)
  async toldTo(@Parent() report: StatusReport): Promise<Contact> {
    const row = await contactsReadModel(this.eventSourcing.readModels).contact(report.toldToId);
    if (!row) throw DomainError.notFound('Contact', report.toldToId);
    return toContact(row);
  }
}
