import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSourcing } from '@cf/ledger';
import { ANY_ROLE, ProjectAccess } from '@cf/projects';
import { toStatusReport } from '../graphql/reporting.mapping.js';
import type { StatusReport } from '../graphql/reporting.types.js';
import { reportingReadModel } from '../read-model/reporting.read-model.js';
import { ListStatusReportsQuery } from './list-status-reports.query.js';

/**
 * Every report of what a contact was told, oldest first. A CUSTOMER reads only the reports to
 * the contact they are: what they themselves were told, never what others heard.
 */
@QueryHandler(ListStatusReportsQuery)
export class ListStatusReportsHandler implements IQueryHandler<ListStatusReportsQuery, StatusReport[]> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ projectId, caller }: ListStatusReportsQuery): Promise<StatusReport[]> {
    const { role, member } = await this.access.require(caller, projectId, ANY_ROLE, 'read status reports');
    const toldTo = role === 'CUSTOMER' ? (member.contact_id ?? '') : undefined;
    return (await reportingReadModel(this.eventSourcing.readModels).reportsOf(projectId, toldTo)).map(toStatusReport);
  }
}
