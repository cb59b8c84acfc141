import { Query } from '@nestjs/cqrs';
import type { Caller, Page } from '@cf/ledger';
import type { Commitment } from '../graphql/commitment.types.js';
import type { CommitmentFilter } from './commitment-filter.input.js';

export class ListCommitmentsQuery extends Query<Page<Commitment>> {
  constructor(
    readonly projectId: string,
    readonly filter: CommitmentFilter | undefined,
    readonly first: number | undefined,
    readonly after: string | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}
