import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { Requirement } from '../graphql/requirement.types.js';

export class GetRequirementQuery extends Query<Requirement> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
