import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { Commitment } from '../graphql/commitment.types.js';

export class GetCommitmentQuery extends Query<Commitment> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
