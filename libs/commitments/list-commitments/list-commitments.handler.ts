import { DomainError } from '@cf/core';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSourcing, type Page, decodeSequenceCursor, pageSize, sequenceKey, toPage } from '@cf/ledger';
import { ANY_ROLE, ProjectAccess } from '@cf/projects';
import { toCommitment, viewerOf } from '../graphql/commitment.mapping.js';
import type { Commitment } from '../graphql/commitment.types.js';
import { commitmentsReadModel } from '../read-model/commitments.read-model.js';
import { ListCommitmentsQuery } from './list-commitments.query.js';

/** What a CUSTOMER may filter commitments by: every other filter is a judgement, and internal (a new one too). */
const CUSTOMER_FILTERS: readonly string[] = ['status', 'active'];

/** A project's commitments, oldest first; a CUSTOMER gets only those made to their own contact, and may not filter by a judgement. */
@QueryHandler(ListCommitmentsQuery)
export class ListCommitmentsHandler implements IQueryHandler<ListCommitmentsQuery, Page<Commitment>> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ projectId, filter, first, after, caller }: ListCommitmentsQuery): Promise<Page<Commitment>> {
    const viewer = viewerOf(await this.access.require(caller, projectId, ANY_ROLE, 'read commitments'));
    const judged = Object.entries(filter ?? {}).some(([name, value]) => value != null && !CUSTOMER_FILTERS.includes(name));
    if (viewer !== null && judged) {
      throw DomainError.forbidden(
        'A CUSTOMER may filter commitments by status and active only: the judgements are internal',
        'customerView',
      );
    }
    const size = pageSize(first);
    const list = `commitments of ${projectId}`;
    const afterSeq = decodeSequenceCursor(after, list);
    const rowFilter = { ...filter, madeToId: viewer };
    const read = commitmentsReadModel(this.eventSourcing.readModels);
    const rows = await read.page(projectId, rowFilter, afterSeq, size + 1);
    return toPage(
      rows,
      size,
      (row) => sequenceKey(list, row.seq),
      (row) => toCommitment(row, viewer),
      await read.count(projectId, rowFilter),
    );
  }
}
