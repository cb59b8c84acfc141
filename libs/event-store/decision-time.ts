/** How far apart the clocks of a ledger's instances may be: a later last event than that came from a wrong clock. */
export const MOST_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The time of a decision: the clock's, unless the stream's last event is later (another
 * instance's clock a little ahead, or this one set back), when it is that event's, so a stream's
 * events never go back in time. A last event more than MOST_CLOCK_SKEW_MS ahead came from a clock
 * that was wrong, not a little ahead: it holds nothing back, or every later event would wear its
 * time (and be judged as of it).
 */
export const decisionTime = (now: Date, lastAt: string | undefined): Date => {
  const last = lastAt === undefined ? Number.NaN : Date.parse(lastAt);
  return last > now.getTime() && last - now.getTime() <= MOST_CLOCK_SKEW_MS ? new Date(last) : now;
};
