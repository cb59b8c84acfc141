import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { AuditSeal } from '../graphql/audit.types.js';

export class SealAuditTrailQuery extends Query<AuditSeal> {
  constructor(
    readonly projectId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
