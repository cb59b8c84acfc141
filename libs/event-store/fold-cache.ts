/**
 * The folded state of recently decided streams, so that a command reads only the events its
 * stream gained since (`readStream(stream, { fromRevision })`) instead of the whole history.
 * Safe because events never change: a cached state at revision r is the fold of events 0..r
 * forever. A stale entry can only be behind, and the append's expected revision catches that;
 * a conflict drops the entry (a stream whose tail was deleted must never be decided on from here).
 */
export class FoldCache {
  private readonly entries = new Map<string, { decider: object; revision: number; state: unknown }>();

  constructor(private readonly capacity = 2_000) {}

  get<State>(stream: string, decider: object): { revision: number; state: State } | undefined {
    const entry = this.entries.get(stream);
    if (!entry || entry.decider !== decider) return undefined;
    // Least recently used goes first: re-inserting moves the entry to the end.
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    return { revision: entry.revision, state: entry.state as State };
  }

  set(stream: string, decider: object, revision: number, state: unknown): void {
    const entry = this.entries.get(stream);
    if (entry && entry.decider === decider && entry.revision > revision) return;
    this.entries.delete(stream);
    this.entries.set(stream, { decider, revision, state });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  forget(stream: string): void {
    this.entries.delete(stream);
  }
}
