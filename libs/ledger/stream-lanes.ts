import { DomainError } from '@cf/core';

/** A stream's turn, held from entering until it is let go; letting go twice is letting go once. */
export interface Lane {
  readonly stream: string;
  release(): void;
}

/** A turn whose `letGo` runs the first time it is let go only. */
export const laneLetGoOnce = (stream: string, letGo: () => void): Lane => {
  let released = false;
  return {
    stream,
    release: () => {
      if (released) return;
      released = true;
      letGo();
    },
  };
};

/**
 * Commands on one stream in this process take turns: each decides and appends after the one
 * before it has appended. Without turns a burst on a hot stream (a project's budget, where every
 * commitment is decided) has every command read the same revision, one of them wins, and the rest
 * decide again and again until their tries run out: most of a burst of 80 ended in CONFLICT.
 * The turns only order work inside one process: the store still judges every append by its
 * expected revision, so other instances, and other processes on the same file, stay safe, and a
 * command that loses to one of them still decides again on fresh state.
 */
export class StreamLanes {
  /** The last turn taken on each stream; a stream without waiters has none, so the map stays small. */
  private readonly tails = new Map<string, Promise<void>>();

  /**
   * `waitMs`: how long a turn is waited for. A command that hangs (a statement the database never
   * answers) would otherwise hold every later one on its stream for as long: those give up with
   * UNAVAILABLE, nothing done, and pass their place on, so the line keeps its order.
   */
  constructor(private readonly waitMs: number) {}

  /** Resolves when every turn taken on the stream before this one was let go. */
  async enter(stream: string): Promise<Lane> {
    const before = this.tails.get(stream);
    let letGo!: () => void;
    const mine = new Promise<void>((resolve) => (letGo = resolve));
    this.tails.set(stream, mine);
    const release = () => {
      if (this.tails.get(stream) === mine) this.tails.delete(stream);
      letGo();
    };
    if (before && !(await turnWithin(before, this.waitMs))) {
      void before.then(release);
      throw DomainError.unavailable(
        `commands on ${stream} are waiting for one that has not ended within ${this.waitMs / 1000} s: nothing was done; send it again`,
      );
    }
    return laneLetGoOnce(stream, release);
  }

  /** How many streams have a turn taken now (for tests: none is left behind). */
  get busyStreams(): number {
    return this.tails.size;
  }
}

/** Whether the turn before came within `ms`. */
const turnWithin = (before: Promise<void>, ms: number): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([before.then(() => true), late]).finally(() => clearTimeout(timer));
};
