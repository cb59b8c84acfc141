import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSourcing } from '@cf/ledger';
import { INTERNAL_ROLES, ProjectAccess } from '@cf/projects';
import { contactErrors } from '../domain/contacts.errors.js';
import { toSession } from '../graphql/contact.mapping.js';
import type { ContactSession } from '../graphql/contact.types.js';
import { contactsReadModel } from '../read-model/contacts.read-model.js';
import { GetSessionQuery } from './get-session.query.js';

/** A session names several contacts, so only internal roles read it (customers never see other contacts). */
@QueryHandler(GetSessionQuery)
export class GetSessionHandler implements IQueryHandler<GetSessionQuery, ContactSession> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ id, caller }: GetSessionQuery): Promise<ContactSession> {
    const session = await contactsReadModel(this.eventSourcing.readModels).session(id);
    if (!session) throw contactErrors.sessionNotFound(id);
    await this.access.requireNamed(
      caller,
      { projectId: session.project_id, unknown: contactErrors.sessionNotFound(id) },
      INTERNAL_ROLES,
      'read contact sessions',
    );
    return toSession(session);
  }
}
