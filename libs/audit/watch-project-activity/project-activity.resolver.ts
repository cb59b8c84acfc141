import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { INTERNAL_ROLES, ProjectAccess } from '@cf/projects';
import { ProjectActivity } from '../graphql/audit.types.js';
import { ActivityFeed } from './activity-feed.js';

/**
 * Passes on each activity only while `allowed` still holds, asked again before each one: a
 * subscription lives for hours, and a member removed or made a customer meanwhile must not
 * read on. The first refusal is passed on as the subscription's last answer (its error:
 * FORBIDDEN, NOT_FOUND), then the subscription completes.
 */
async function* whileAllowed(
  activities: AsyncIterableIterator<ProjectActivity>,
  allowed: () => Promise<unknown>,
): AsyncGenerator<ProjectActivity | Error> {
  for await (const activity of activities) {
    try {
      await allowed();
    } catch (refused) {
      yield refused instanceof Error ? refused : new Error(String(refused));
      return;
    }
    yield activity;
  }
}

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
    const allowed = () => this.access.require(caller, projectId, INTERNAL_ROLES, 'follow project activity');
    await allowed();
    return whileAllowed(await this.feed.subscribe(projectId), allowed);
  }
}
