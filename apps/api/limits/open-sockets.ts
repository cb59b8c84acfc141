import { reportRateLimited } from '@cf/ledger';
import { CountsPerUser } from './counts-per-user.js';

/** The close code and reason of a socket over SOCKETS_PER_USER: graphql-ws's "too many", which its client does not retry. */
export const TOO_MANY_SOCKETS = 4429;

/**
 * The authenticated graphql-ws sockets open on this instance, per user. The subscription caps
 * hold what a socket runs, not how many a user opens: one user held 5,000 idle sockets, each
 * with its buffers, and only the process's memory stopped them. A page of the portal opens one.
 */
export class OpenSockets {
  private readonly userOf = new WeakMap<object, string>();
  private readonly perUser = new CountsPerUser();

  constructor(private readonly cap: number) {}

  /** Counts the user's new socket, or answers why it is refused when they hold the cap already. */
  admit(socket: object, userId: string): string | undefined {
    if (this.perUser.of(userId) >= this.cap) {
      reportRateLimited();
      return `At most ${this.cap} sockets per user (SOCKETS_PER_USER): close one first`;
    }
    this.perUser.add(userId);
    this.userOf.set(socket, userId);
    return undefined;
  }

  /** A socket closed: its user's count goes down, once, if it was counted. */
  closed(socket: object): void {
    const userId = this.userOf.get(socket);
    if (userId === undefined) return;
    this.userOf.delete(socket);
    this.perUser.remove(userId);
  }
}
