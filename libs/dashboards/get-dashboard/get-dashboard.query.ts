import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { Dashboard } from '../graphql/dashboard.types.js';

export class GetDashboardQuery extends Query<Dashboard> {
  constructor(
    readonly projectId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
