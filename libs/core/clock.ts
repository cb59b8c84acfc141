/** The only place that reads the wall clock; deciders receive time inside commands. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
