import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { PerceptionGap } from '../graphql/reporting.types.js';

export class PerceptionGapsQuery extends Query<PerceptionGap[]> {
  constructor(
    readonly projectId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
