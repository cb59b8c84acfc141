import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { AuditVerification } from '../graphql/audit.types.js';
import { VerifyAuditTrailQuery } from './verify-audit-trail.query.js';

/** What the operation limits count for one verification: it re-reads a project's whole log. */
export const VERIFICATION_COST = 2_000;

@Resolver()
export class VerifyAuditTrailResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => AuditVerification, {
    description: "Re-computes the hash chains of a project's streams (or of the caller's projects) from the event store",
    complexity: VERIFICATION_COST,
  })
  verifyAuditTrail(
    @CurrentCaller() caller: Caller,
    @Args('projectId', { type: () => ID, nullable: true }) projectId?: string,
  ): Promise<AuditVerification> {
    return this.queryBus.execute(new VerifyAuditTrailQuery(projectId ?? undefined, caller));
  }
}
