import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { HistoryEntry } from '../graphql/audit.types.js';

export class GetHistoryQuery extends Query<HistoryEntry[]> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
