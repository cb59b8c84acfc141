import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { AuditVerification } from '../graphql/audit.types.js';

export class VerifyAuditTrailQuery extends Query<AuditVerification> {
  constructor(readonly projectId: string | undefined, readonly caller: Caller) {
    super();
  }
}
