import { Query } from '@nestjs/cqrs';
import type { Caller, Page } from '@cf/ledger';
import type { Request, RequestFilter } from '../graphql/request.types.js';

export class ListRequestsQuery extends Query<Page<Request>> {
  constructor(
    readonly projectId: string,
    readonly filter: RequestFilter,
    readonly first: number | undefined,
    readonly after: string | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}
