import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { AuditEntryConnection, AuditFilter } from '../graphql/audit.types.js';
import { ListAuditLogQuery } from './list-audit-log.query.js';

@Resolver()
export class ListAuditLogResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => AuditEntryConnection, { description: 'Every event, oldest first; for MANAGER and AUDITOR of the projects shown' })
  auditLog(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter?: AuditFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<AuditEntryConnection> {
    return this.queryBus.execute(new ListAuditLogQuery(filter ?? {}, first ?? undefined, after ?? undefined, caller));
  }
}
