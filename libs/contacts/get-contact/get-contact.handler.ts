import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSourcing } from '@cf/ledger';
import { ANY_ROLE, ProjectAccess } from '@cf/projects';
import { toContact } from '../graphql/contact.mapping.js';
import type { Contact } from '../graphql/contact.types.js';
import { namedContact } from '../read-model/named-contact.js';
import { GetContactQuery } from './get-contact.query.js';

/** Internal roles read every contact of their project; a CUSTOMER reads only the contact they are. */
@QueryHandler(GetContactQuery)
export class GetContactHandler implements IQueryHandler<GetContactQuery, Contact | null> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ id, caller }: GetContactQuery): Promise<Contact | null> {
    const { row: contact, named } = await namedContact(this.eventSourcing.readModels, id);
    await this.access.requireNamed(caller, named, ANY_ROLE, 'read contacts');
    return toContact(contact);
  }
}
