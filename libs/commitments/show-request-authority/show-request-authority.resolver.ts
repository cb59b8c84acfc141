import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { EventSourcing } from '@cf/ledger';
import { Request } from '@cf/requests';
import { commitmentsReadModel } from '../read-model/commitments.read-model.js';

/**
 * `Request.askedWithAuthority`: today's standing beside the history `confirmed` keeps. A request
 * stays confirmed once a confirmation was recorded, but the authority it lends a commitment rests
 * on evidence that can fall (a voided session, one the requester turns out not to have attended),
 * so the request shows what its commitments are judged on. Internal: null for CUSTOMER members.
 */
@Resolver(() => Request)
export class RequestAuthorityResolver {
  constructor(private readonly eventSourcing: EventSourcing) {}

  @ResolveField(() => Boolean, {
    nullable: true,
    description:
      'Whether it counts today as asked first-hand by a contact who could approve scope when they asked or confirmed it, on evidence that still holds (a voided session, or one the requester did not attend, is none); what commitments on it are judged on today',
  })
  askedWithAuthority(@Parent() request: Request): Promise<boolean | null> {
    return commitmentsReadModel(this.eventSourcing.readModels).requestAskedWithAuthority(request.id);
  }
}
