import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { AuditSealInput, AuditVerification } from '../graphql/audit.types.js';

export class VerifyAuditTrailQuery extends Query<AuditVerification> {
  constructor(
    readonly projectId: string | undefined,
    readonly seal: AuditSealInput | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}
