/** What one append of a group came to: its result, or the error only it gets. */
export type Outcome<Result> = { result: Result } | { error: Error };

export interface GroupCommitOptions<Append, Result> {
  /** Sends the appends as one call and one commit, and answers each in order. */
  send(appends: Append[]): Promise<Array<Outcome<Result>>>;
  /**
   * Whether a failed call certainly committed nothing and may have failed for one append's
   * sake (an error the server reported), so each append is sent again alone to find whose.
   */
  retryAlone(error: unknown): boolean;
  /** The most appends sent in one call. */
  maxAppends: number;
}

interface Waiting<Append, Result> {
  append: Append;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * Group commit: appends are written one call at a time, since the log's append lock lets one
 * commit through at a time anyway; those that arrive while a call is in flight wait and then
 * go together in the next call, sharing its round trip and its commit. An append that finds
 * nothing in flight is sent at once: nothing ever waits for company.
 */
export class GroupCommit<Append, Result> {
  private queue: Array<Waiting<Append, Result>> = [];
  private sending = false;

  constructor(private readonly options: GroupCommitOptions<Append, Result>) {}

  submit(append: Append): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ append, resolve, reject });
      if (!this.sending) void this.sendAll();
    });
  }

  private async sendAll(): Promise<void> {
    this.sending = true;
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, this.options.maxAppends);
      const settle = await this.sendGroup(group);
      // Known before anyone is answered: with others writing, those answered now often append
      // again at once, and one turn of the event loop lets them join the next call. A writer
      // alone goes on without that turn.
      const othersWriting = group.length > 1 || this.queue.length > 0;
      settle();
      if (othersWriting) await new Promise(setImmediate);
    }
    this.sending = false;
  }

  /** Sends the group, and answers how to settle its appends. */
  private async sendGroup(group: Array<Waiting<Append, Result>>): Promise<() => void> {
    try {
      const outcomes = await this.options.send(group.map((waiting) => waiting.append));
      return () =>
        group.forEach((waiting, i) => {
          const outcome = outcomes[i];
          if ('error' in outcome) waiting.reject(outcome.error);
          else waiting.resolve(outcome.result);
        });
    } catch (error) {
      if (group.length > 1 && this.options.retryAlone(error)) {
        for (const waiting of group) (await this.sendGroup([waiting]))();
        return () => undefined;
      }
      return () => group.forEach((waiting) => waiting.reject(error));
    }
  }
}
