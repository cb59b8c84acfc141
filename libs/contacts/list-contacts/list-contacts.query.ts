import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { Contact } from '../graphql/contact.types.js';

export class ListContactsQuery extends Query<Contact[]> {
  constructor(
    readonly projectId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
