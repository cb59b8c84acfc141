import type { Actor } from '@cf/event-store';

/** Who sent the current request, and the correlation id every event it causes will carry. */
export interface Caller {
  actor: Actor;
  correlationId: string;
  /** A hash of the field's arguments when they carry an idempotency key: the key is bound to it. */
  payloadHash?: string;
  /** When the caller's token expires (epoch ms): a long-lived subscription asks it again (requireUnexpiredToken). */
  tokenExpiresAtMs?: number;
}
