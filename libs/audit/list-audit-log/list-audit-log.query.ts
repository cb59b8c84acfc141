import { Query } from '@nestjs/cqrs';
import type { Caller, Page } from '@cf/ledger';
import type { AuditEntry, AuditFilter } from '../graphql/audit.types.js';

export class ListAuditLogQuery extends Query<Page<AuditEntry>> {
  constructor(
    readonly filter: AuditFilter,
    readonly first: number | undefined,
    readonly after: string | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}
