import { DomainError } from '@cf/core';
import { reportRateLimited } from '@cf/ledger';
import { CountsPerUser } from './counts-per-user.js';

export interface SubscriptionCaps {
  /** SUBSCRIPTIONS_PER_SOCKET */
  perSocket: number;
  /** SUBSCRIPTIONS_PER_USER, over every socket of this instance */
  perUser: number;
}

/**
 * graphql-ws's record of one socket: the operations it runs, by id. One the client completes
 * leaves it as the message arrives; its completion (onComplete) comes a few ticks later.
 */
export interface SocketOperations {
  subscriptions: Record<string, unknown>;
}

/**
 * The subscriptions live on this instance, per socket and per user. The rate limit only slows
 * how fast they are opened; every live one is handed each event of its project, so without a cap
 * one user's thousands of them would slow every mutation of every user and hold memory.
 * Each is known by its subscribe message's payload: a client may use an id again once it completed.
 */
export class LiveSubscriptions {
  private readonly bySocket = new WeakMap<SocketOperations, { userId: string; held: Map<object, string> }>();
  private readonly perUser = new CountsPerUser();

  constructor(private readonly caps: SubscriptionCaps) {}

  /** Takes a slot for a subscription, or answers the refusal (RATE_LIMITED) naming the cap it would pass. */
  open(socket: SocketOperations, userId: string, id: string, payload: object): DomainError | undefined {
    const live = this.bySocket.get(socket) ?? { userId, held: new Map<object, string>() };
    this.bySocket.set(socket, live);
    // A client that completes one and subscribes again at once is not refused for the one it ended.
    for (const [heldPayload, heldId] of live.held) if (!(heldId in socket.subscriptions)) this.close(socket, heldPayload);
    if (live.held.size >= this.caps.perSocket) return this.refusal('maxSubscriptionsPerSocket', this.caps.perSocket, 'on one socket');
    if (this.perUser.of(userId) >= this.caps.perUser) return this.refusal('maxSubscriptionsPerUser', this.caps.perUser, 'per user');
    live.held.set(payload, id);
    this.perUser.add(userId);
    return undefined;
  }

  /** Frees the slot of a subscription that completed, failed or was stopped; nothing for one that held none. */
  close(socket: SocketOperations, payload: object): void {
    const live = this.bySocket.get(socket);
    if (!live?.held.delete(payload)) return;
    this.perUser.remove(live.userId);
  }

  /** Frees every slot a closed socket still held (each one's completion frees it too, whichever comes first). */
  closeAll(socket: SocketOperations): void {
    for (const payload of [...(this.bySocket.get(socket)?.held.keys() ?? [])]) this.close(socket, payload);
    this.bySocket.delete(socket);
  }

  private refusal(rule: string, cap: number, where: string): DomainError {
    reportRateLimited();
    return new DomainError('RATE_LIMITED', `At most ${cap} subscriptions may be live ${where}: complete one before starting another`, {
      rule,
    });
  }
}
