import type { Actor } from '@cf/event-store';

/** Who sent the current request, and the correlation id every event it causes will carry. */
export interface Caller {
  actor: Actor;
  correlationId: string;
  /** A hash of the field's arguments when they carry an idempotency key: the key is bound to it. */
  payloadHash?: string;
}
