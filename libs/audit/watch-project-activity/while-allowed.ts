import { LONGEST_TIMER_MS } from '@cf/ledger';
import type { ProjectActivity } from '../graphql/audit.types.js';

/** Settles once the token's expiry has passed, re-armed past the longest wait a Node timer keeps. */
class Expiry {
  private timer: NodeJS.Timeout | undefined;
  readonly reached: Promise<IteratorYieldResult<ProjectActivity>>;

  constructor(expiresAtMs: number) {
    this.reached = new Promise((resolve) => {
      const arm = () => {
        const left = expiresAtMs - Date.now();
        // Never done: what settles is asked `allowed` as an activity would be, and refused.
        if (left <= 0) return resolve({ done: false, value: undefined as never });
        this.timer = setTimeout(arm, Math.min(left, LONGEST_TIMER_MS)).unref();
      };
      arm();
    });
  }

  cancel(): void {
    clearTimeout(this.timer);
  }
}

/**
 * Passes on each activity only while `allowed` still holds, asked again before each one and when
 * the caller's token expires: a subscription lives for hours, and a member removed or made a
 * customer meanwhile, or one whose token expired, must not read on. An expired token ends it at
 * once, not at the project's next event (days away, maybe, with a subscription slot held). The
 * first refusal is passed on as the subscription's last answer (its error: FORBIDDEN, NOT_FOUND,
 * UNAUTHENTICATED), then the subscription completes; so is a failure to ask (the store
 * unreachable): nothing is sent that was not allowed, and the client subscribes again. Not an
 * async generator: one waiting for the next activity would hear a disconnect only when that
 * activity came, and hold its listener until then; here `return` reaches the feed at once.
 */
export const whileAllowed = (
  activities: AsyncIterableIterator<ProjectActivity>,
  allowed: () => Promise<unknown>,
  tokenExpiresAtMs: number | undefined,
): AsyncIterableIterator<ProjectActivity | Error> => {
  let ended = false;
  const expiry = tokenExpiresAtMs === undefined ? undefined : new Expiry(tokenExpiresAtMs);
  const end = async (): Promise<IteratorReturnResult<undefined>> => {
    ended = true;
    expiry?.cancel();
    await activities.return?.();
    return { done: true, value: undefined };
  };
  return {
    async next(): Promise<IteratorResult<ProjectActivity | Error>> {
      if (ended) return { done: true, value: undefined };
      const next = await (expiry ? Promise.race([activities.next(), expiry.reached]) : activities.next());
      if (next.done) return next;
      try {
        await allowed(); // refuses once the token expired: the expiry's end is answered as an activity's would be
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
