import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { Request } from '../graphql/request.types.js';

export class GetRequestQuery extends Query<Request> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
