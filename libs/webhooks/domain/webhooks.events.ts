import type { DomainEvent } from '@cf/core';

/** What a webhook can be told about. */
export const WEBHOOK_EVENTS = [
  'COMMITMENT_AWAITING_APPROVAL',
  'COMMITMENT_REJECTED',
  'COMMITMENT_OUTSIDE_BUDGET',
  'PERCEPTION_GAP_OPENED',
  'FIRST_RESPONSE_OVERDUE',
  'CONTACT_DAYS_BELOW_TARGET',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * CANCELLED: still pending when its webhook was deactivated, and never to be sent. SKIPPED: opened
 * by a rebuild of the outbox for an event from before it, which the code before never told of: not
 * sent unless redelivered.
 */
export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED', 'CANCELLED', 'SKIPPED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Actor {
  readonly userId: string;
  readonly name: string;
}

/**
 * The events of a webhook's stream `webhook-<id>`. The secret is kept in the log because every
 * delivery is signed with it; it is shown only in the answers to registration and rotation.
 * The URL is logged sealed like the secret (its path or query often carries a token), with its
 * `origin` in plain for the audit log; webhooks registered before URLs were sealed have no
 * `origin`, and their URL stays in the log as written.
 */
export type WebhookRegistered = DomainEvent<
  'WebhookRegistered',
  {
    webhookId: string;
    projectId: string;
    url: string;
    origin?: string;
    events: WebhookEvent[];
    description?: string;
    secret: string;
    registeredBy: Actor;
    at: string;
  }
>;

export type WebhookDeactivated = DomainEvent<
  'WebhookDeactivated',
  {
    webhookId: string;
    projectId: string;
    by: Actor;
    at: string;
  }
>;

export type WebhookSecretRotated = DomainEvent<
  'WebhookSecretRotated',
  {
    webhookId: string;
    projectId: string;
    secret: string;
    /** Until when the secret it replaces signs beside it (absent: it stopped at once). */
    previousSecretValidUntil?: string;
    by: Actor;
    at: string;
  }
>;

/** A delivery sent again from its first attempt, under the same delivery id. */
export type WebhookRedeliveryRequested = DomainEvent<
  'WebhookRedeliveryRequested',
  {
    webhookId: string;
    projectId: string;
    deliveryId: string;
    by: Actor;
    at: string;
  }
>;

export type WebhookStreamEvent = WebhookRegistered | WebhookDeactivated | WebhookSecretRotated | WebhookRedeliveryRequested;
