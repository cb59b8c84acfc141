/** A stream's turn, held from entering until it is let go; letting go twice is letting go once. */
export interface Lane {
  readonly stream: string;
  release(): void;
}

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

  /** Resolves when every turn taken on the stream before this one was let go. */
  async enter(stream: string): Promise<Lane> {
    const before = this.tails.get(stream);
    let letGo!: () => void;
    const mine = new Promise<void>((resolve) => (letGo = resolve));
    this.tails.set(stream, mine);
    if (before) await before;
    let released = false;
    return {
      stream,
      release: () => {
        if (released) return;
        released = true;
        if (this.tails.get(stream) === mine) this.tails.delete(stream);
        letGo();
      },
    };
  }

  /** How many streams have a turn taken now (for tests: none is left behind). */
  get busyStreams(): number {
    return this.tails.size;
  }
}
