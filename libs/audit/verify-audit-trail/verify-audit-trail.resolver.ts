import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { AuditVerification } from '../graphql/audit.types.js';
import { VerifyAuditTrailQuery } from './verify-audit-trail.query.js';

@Resolver()
export class VerifyAuditTrailResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => AuditVerification, { description: "Re-computes the hash chains of a project's streams (or of every stream) from the event store" })
  verifyAuditTrail(
    @CurrentCaller() caller: Caller,
    @Args('projectId', { type: () => ID, nullable: true }) projectId?: string,
  ): Promise<AuditVerification> {
    return this.queryBus.execute(new VerifyAuditTrailQuery(projectId ?? undefined, caller));
  }
}
