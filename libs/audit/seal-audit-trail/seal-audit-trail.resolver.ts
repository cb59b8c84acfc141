import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { AuditSeal } from '../graphql/audit.types.js';
import { VERIFICATION_COST } from '../verify-audit-trail/verify-audit-trail.resolver.js';
import { SealAuditTrailQuery } from './seal-audit-trail.query.js';

@Resolver()
export class SealAuditTrailResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => AuditSeal, {
    description:
      "The head of the project's chain over all its events in position order; verifyAuditTrail(projectId, seal) checks against it later",
    complexity: VERIFICATION_COST,
  })
  auditSeal(@CurrentCaller() caller: Caller, @Args('projectId', { type: () => ID }) projectId: string): Promise<AuditSeal> {
    return this.queryBus.execute(new SealAuditTrailQuery(projectId, caller));
  }
}
