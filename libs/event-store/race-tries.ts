/**
 * How often a command decides again when a concurrent writer moved its stream first. A hot stream
 * (a project's budget, where every commitment is decided) sees several writers at once; a short
 * random pause before each new try spreads the ones that collided.
 */
export const RACE_TRIES = 12;
export const pauseBeforeTry = (tries: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** tries, 50)));
