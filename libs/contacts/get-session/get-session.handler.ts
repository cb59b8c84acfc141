import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSourcing } from '@cf/ledger';
import { INTERNAL_ROLES, ProjectAccess } from '@cf/projects';
import { toSession } from '../graphql/contact.mapping.js';
import type { ContactSession } from '../graphql/contact.types.js';
import { namedSession } from '../read-model/named-contact.js';
import { GetSessionQuery } from './get-session.query.js';

/** A session names several contacts, so only internal roles read it (customers never see other contacts). */
@QueryHandler(GetSessionQuery)
export class GetSessionHandler implements IQueryHandler<GetSessionQuery, ContactSession> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ id, caller }: GetSessionQuery): Promise<ContactSession> {
    const { row: session, named } = await namedSession(this.eventSourcing.readModels, id);
    await this.access.requireNamed(caller, named, INTERNAL_ROLES, 'read contact sessions');
    return toSession(session);
  }
}
