import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { Contact } from '../graphql/contact.types.js';

export class GetContactQuery extends Query<Contact | null> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
