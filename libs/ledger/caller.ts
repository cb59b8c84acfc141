import type { Actor } from '@cf/event-store';

/** Who sent the current request, and the correlation id every event it causes will carry. */
export interface Caller {
  actor: Actor;
  correlationId: string;
  /** When the caller's token expires (epoch ms): a long-lived subscription asks it again (requireUnexpiredToken). */
  tokenExpiresAtMs?: number;
}
