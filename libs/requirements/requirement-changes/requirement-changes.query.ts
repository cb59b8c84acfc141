import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { RequirementChange } from '../graphql/requirement-change.types.js';

export class RequirementChangesQuery extends Query<RequirementChange[]> {
  constructor(
    readonly projectId: string,
    readonly sinceBaseline: boolean,
    readonly caller: Caller,
  ) {
    super();
  }
}
