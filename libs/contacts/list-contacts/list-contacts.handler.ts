import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSourcing } from '@cf/ledger';
import { ANY_ROLE, ProjectAccess } from '@cf/projects';
import { toContact } from '../graphql/contact.mapping.js';
import type { Contact } from '../graphql/contact.types.js';
import { contactsReadModel } from '../read-model/contacts.read-model.js';
import { ListContactsQuery } from './list-contacts.query.js';

/** The contacts of a project, oldest first; a CUSTOMER never sees the other contacts. */
@QueryHandler(ListContactsQuery)
export class ListContactsHandler implements IQueryHandler<ListContactsQuery, Contact[]> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ projectId, caller }: ListContactsQuery): Promise<Contact[]> {
    const { role, member } = await this.access.require(caller, projectId, ANY_ROLE, 'read contacts');
    const rows = await contactsReadModel(this.eventSourcing.readModels).contactsOf(projectId);
    const visible = role === 'CUSTOMER' ? rows.filter((row) => row.id === member.contact_id) : rows;
    return visible.map(toContact);
  }
}
