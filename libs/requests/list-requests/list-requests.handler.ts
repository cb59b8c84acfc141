import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSourcing, type Page, decodeSequenceCursor, pageSize, sequenceKey, toPage } from '@cf/ledger';
import { ANY_ROLE, ProjectAccess } from '@cf/projects';
import { toRequest } from '../graphql/request.mapping.js';
import type { Request } from '../graphql/request.types.js';
import { requestsReadModel } from '../read-model/requests.read-model.js';
import { ListRequestsQuery } from './list-requests.query.js';

/** A project's requests, oldest first; a customer's list holds only the requests they made. */
@QueryHandler(ListRequestsQuery)
export class ListRequestsHandler implements IQueryHandler<ListRequestsQuery, Page<Request>> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ projectId, filter, first, after, caller }: ListRequestsQuery): Promise<Page<Request>> {
    const { role, member } = await this.access.require(caller, projectId, ANY_ROLE, 'read requests');
    const size = pageSize(first);
    const list = `requests of ${projectId}`;
    const afterSeq = decodeSequenceCursor(after, list);
    // A customer without a linked contact made no requests: '' matches no contact id.
    const requestedById = role === 'CUSTOMER' ? (member.contact_id ?? '') : undefined;
    const read = requestsReadModel(this.eventSourcing.readModels);
    const rows = await read.page(projectId, filter, afterSeq, size + 1, requestedById);
    return toPage(rows, size, (row) => sequenceKey(list, row.seq), toRequest, await read.count(projectId, filter, requestedById));
  }
}
