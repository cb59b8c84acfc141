import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ContactSession, contactsReadModel, toSession } from '@cf/contacts';
import { EventSourcing } from '@cf/ledger';
import { Request, requestsReadModel, toRequest } from '@cf/requests';
import { RequirementTriggerView } from '../graphql/requirement.types.js';

/** The session and request behind a revision, read from their own contexts when asked for. */
@Resolver(() => RequirementTriggerView)
export class RequirementTriggerResolver {
  constructor(private readonly eventSourcing: EventSourcing) {}

  @ResolveField(() => ContactSession, { nullable: true })
  async session(@Parent() trigger: RequirementTriggerView): Promise<ContactSession | null> {
    if (!trigger.sessionId) return null;
    const row = await contactsReadModel(this.eventSourcing.readModels).session(trigger.sessionId);
    return row ? toSession(row) : null;
  }

  @ResolveField(() => Request, { nullable: true })
  async request(@Parent() trigger: RequirementTriggerView): Promise<Request | null> {
    if (!trigger.requestId) return null;
    const row = await requestsReadModel(this.eventSourcing.readModels).request(trigger.requestId);
    return row ? toRequest(row) : null;
  }
}
