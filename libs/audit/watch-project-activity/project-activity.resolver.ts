import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { type Caller, CurrentCaller, requireUnexpiredToken } from '@cf/ledger';
import { INTERNAL_ROLES, ProjectAccess } from '@cf/projects';
import { ProjectActivity } from '../graphql/audit.types.js';
import { ActivityFeed } from './activity-feed.js';

/**
 * Passes on each activity only while `allowed` still holds, asked again before each one: a
 * subscription lives for hours, and a member removed or made a customer meanwhile, or one whose
 * token expired, must not read on. The first refusal is passed on as the subscription's last answer (its error:
 * FORBIDDEN, NOT_FOUND), then the subscription completes; so is a failure to ask (the store
 * unreachable): nothing is sent that was not allowed, and the client subscribes again. Not an async generator: one waiting
 * for the next activity would hear a disconnect only when that activity came, and hold its
 * listener until then; here `return` reaches the feed at once.
 */
const whileAllowed = (
  activities: AsyncIterableIterator<ProjectActivity>,
  allowed: () => Promise<unknown>,
): AsyncIterableIterator<ProjectActivity | Error> => {
  let ended = false;
  const end = async (): Promise<IteratorReturnResult<undefined>> => {
    ended = true;
    await activities.return?.();
    return { done: true, value: undefined };
  };
  return {
    async next(): Promise<IteratorResult<ProjectActivity | Error>> {
      if (ended) return { done: true, value: undefined };
      const next = await activities.next();
      if (next.done) return next;
      try {
        await allowed();
        return next;
      } catch (refused) {
        await end();
        return { done: false, value: refused instanceof Error ? refused : new Error(String(refused)) };
      }
    },
    return: end,
    async throw(error: unknown): Promise<never> {
      await end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
};

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
    return whileAllowed(await this.feed.subscribe(projectId), allowed);
  }
}
