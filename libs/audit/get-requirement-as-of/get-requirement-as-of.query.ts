import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { Requirement } from '@cf/requirements';

export class GetRequirementAsOfQuery extends Query<Requirement> {
  constructor(
    readonly id: string,
    readonly asOf: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
