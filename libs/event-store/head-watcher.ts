/**
 * Wakes readers waiting for new events. Appends in this process notify at once, with the
 * position they reached, so a reader woken by one needs no query to know it may read on;
 * appends from other processes (the CLI, another instance) are noticed by polling the head
 * every pollMs, or by a notification without a position.
 */
import { Sleepers } from './sleepers.js';

export class HeadWatcher {
  private readonly sleepers = new Sleepers();
  /** The highest position an append has been heard to reach: the head is at least here. */
  private heard = 0n;

  constructor(
    private readonly readHead: () => Promise<bigint>,
    private readonly pollMs = 200,
  ) {}

  notify(position?: bigint): void {
    if (position !== undefined && position > this.heard) this.heard = position;
    this.sleepers.wakeAll();
  }

  async waitBeyond(after: bigint, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.heard > after || (await this.readHead()) > after) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await this.sleepers.sleep(Math.min(left, this.pollMs));
    }
  }
}
