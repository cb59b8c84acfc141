/**
 * The crash test's chance: which mutations the writers send and when the process dies. One
 * seed, printed, replays the same choices (the interleaving still depends on the machine).
 */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** CRASH_SEED when set (to repeat a failed run), otherwise a fresh one. */
export const crashSeed = (): number => {
  const given = process.env.CRASH_SEED;
  if (given === undefined) return Math.floor(Math.random() * 2 ** 32);
  const seed = Number(given);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`CRASH_SEED must be a whole number (got "${given}")`);
  return seed;
};

/** mulberry32: small, fast and good enough to spread choices; not for anything secret. */
export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('nothing to pick from');
      return items[int(0, items.length - 1)];
    },
    chance: (probability) => next() < probability,
  };
};
