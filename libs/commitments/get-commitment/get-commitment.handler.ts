import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSourcing } from '@cf/ledger';
import { ANY_ROLE, ProjectAccess } from '@cf/projects';
import { toCommitment, viewerOf } from '../graphql/commitment.mapping.js';
import type { Commitment } from '../graphql/commitment.types.js';
import { namedCommitment } from '../read-model/named-commitment.js';
import { GetCommitmentQuery } from './get-commitment.query.js';

/** Every member reads a commitment, except that a CUSTOMER reads only those made to them. */
@QueryHandler(GetCommitmentQuery)
export class GetCommitmentHandler implements IQueryHandler<GetCommitmentQuery, Commitment> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ id, caller }: GetCommitmentQuery): Promise<Commitment> {
    const { row, named } = await namedCommitment(this.eventSourcing.readModels, id);
    const viewer = viewerOf(await this.access.requireNamed(caller, named, ANY_ROLE, 'read commitments'));
    return toCommitment(row, viewer);
  }
}
