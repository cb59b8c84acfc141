import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, EventSourcing } from '@cf/ledger';
import { ANY_ROLE, ProjectAccess } from '@cf/projects';
import { Request } from '@cf/requests';
import { toCommitment, viewerOf } from '../graphql/commitment.mapping.js';
import { Commitment } from '../graphql/commitment.types.js';
import { commitmentsReadModel } from '../read-model/commitments.read-model.js';

/** `Request.commitments`: what was promised on a request; a CUSTOMER sees only promises made to them. */
@Resolver(() => Request)
export class RequestCommitmentsResolver {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  @ResolveField(() => [Commitment])
  async commitments(@Parent() request: Request, @CurrentCaller() caller: Caller): Promise<Commitment[]> {
    const viewer = viewerOf(await this.access.require(caller, request.projectId, ANY_ROLE, 'read commitments'));
    const rows = await commitmentsReadModel(this.eventSourcing.readModels).ofRequest(request.id);
    return rows.filter((row) => viewer === null || row.made_to_id === viewer).map((row) => toCommitment(row, viewer));
  }
}
