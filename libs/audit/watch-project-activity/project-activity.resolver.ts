import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { type Caller, CurrentCaller, requireUnexpiredToken } from '@cf/ledger';
import { INTERNAL_ROLES, ProjectAccess } from '@cf/projects';
import { ProjectActivity } from '../graphql/audit.types.js';
import { ActivityFeed } from './activity-feed.js';
import { whileAllowed } from './while-allowed.js';

/** An answer of the subscription: an activity, or the refusal that ends it (thrown, so it is answered as an error). */
const answerOf = (activity: ProjectActivity | Error): ProjectActivity => {
  if (activity instanceof Error) throw activity;
  return activity;
};

@Resolver()
export class ProjectActivityResolver {
  constructor(
    private readonly feed: ActivityFeed,
    private readonly access: ProjectAccess,
  ) {}

  /** Each event of the project as it happens; the team reads it, customers do not. */
  @Subscription(() => ProjectActivity, { resolve: answerOf })
  async projectActivity(
    @Args('projectId', { type: () => ID }) projectId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<AsyncIterableIterator<ProjectActivity | Error>> {
    const allowed = async () => {
      requireUnexpiredToken(caller);
      return this.access.require(caller, projectId, INTERNAL_ROLES, 'follow project activity');
    };
    await allowed();
    return whileAllowed(await this.feed.subscribe(projectId), allowed, caller.tokenExpiresAtMs);
  }
}
