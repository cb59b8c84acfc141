import type { WebhookEvent } from '../domain/webhooks.events.js';

/**
 * Something a project's webhooks are told about, derived from one event of the log. `key` tells
 * apart the notices of one event (one event may open gaps for several contacts); with the
 * webhook's id and the event's position it makes the delivery id, the same on every replay.
 */
export interface WebhookNotice {
  readonly event: WebhookEvent;
  readonly key: string;
  readonly projectId: string;
  /** What the notice is about, as receivers read it: no personal data of contacts, no secrets. */
  readonly subject: Record<string, unknown>;
}
