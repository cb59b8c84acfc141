import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { INTERNAL_ROLES, ProjectAccess } from '@cf/projects';
import { ProjectActivity } from '../graphql/audit.types.js';
import { ActivityFeed } from './activity-feed.js';

@Resolver()
export class ProjectActivityResolver {
  constructor(
    private readonly feed: ActivityFeed,
    private readonly access: ProjectAccess,
  ) {}

  /** Each event of the project as it happens; the team reads it, customers do not. */
  @Subscription(() => ProjectActivity, { resolve: (activity: ProjectActivity) => activity })
  async projectActivity(
    @Args('projectId', { type: () => ID }) projectId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<AsyncIterableIterator<ProjectActivity>> {
    await this.access.require(caller, projectId, INTERNAL_ROLES, 'follow project activity');
    return this.feed.subscribe(projectId);
  }
}
