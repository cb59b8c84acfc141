import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { StatusReport } from '../graphql/reporting.types.js';

export class ListStatusReportsQuery extends Query<StatusReport[]> {
  constructor(
    readonly projectId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
