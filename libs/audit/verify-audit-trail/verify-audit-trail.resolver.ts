import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { AuditSealInput, AuditVerification } from '../graphql/audit.types.js';
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
    @Args('seal', {
      type: () => AuditSealInput,
      nullable: true,
      description: "A seal read earlier from auditSeal: the project's events up to it are checked against it",
    })
    seal?: AuditSealInput,
  ): Promise<AuditVerification> {
    // The validation pipe hands an absent input object on as an empty one.
    const given = seal?.position === undefined ? undefined : seal;
    return this.queryBus.execute(new VerifyAuditTrailQuery(projectId ?? undefined, given, caller));
  }
}
