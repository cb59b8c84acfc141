import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { ContactSession } from '../graphql/contact.types.js';

export class GetSessionQuery extends Query<ContactSession> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
