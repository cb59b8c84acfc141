/**
 * How many of something (sockets, live subscriptions) each user holds on this instance, for a cap
 * per user. A user who holds none is not kept: the map grows with the users holding some, not
 * with every user ever seen.
 */
export class CountsPerUser {
  private readonly counts = new Map<string, number>();

  of(userId: string): number {
    return this.counts.get(userId) ?? 0;
  }

  add(userId: string): void {
    this.counts.set(userId, this.of(userId) + 1);
  }

  /** One fewer; never below none. */
  remove(userId: string): void {
    const left = this.of(userId) - 1;
    if (left > 0) this.counts.set(userId, left);
    else this.counts.delete(userId);
  }
}
