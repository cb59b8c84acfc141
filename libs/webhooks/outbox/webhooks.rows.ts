import type { DeliveryStatus, WebhookEvent } from '../domain/webhooks.events.js';

export interface WebhookRow {
  id: string;
  projectId: string;
  url: string;
  events: WebhookEvent[];
  description: string | null;
  active: boolean;
  registeredAt: string;
  /** Only for the answers to registration and rotation: never listed. */
  secret: string;
}

export interface DeliveryRow {
  id: string;
  webhookId: string;
  projectId: string;
  event: WebhookEvent;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  position: string;
}

/** The columns as stored (SQLite and PostgreSQL answer numbers and positions in their own types). */
export interface WebhookColumns {
  id: string;
  project_id: string;
  url: string;
  events: string;
  description: string | null;
  active: number | string;
  registered_at: string;
  secret: string;
  previous_secret?: string | null;
  previous_secret_until?: string | null;
}
export interface DeliveryColumns {
  delivery_id: string;
  webhook_id: string;
  project_id: string;
  event: WebhookEvent;
  status: DeliveryStatus;
  attempts: number | string;
  last_status_code: number | string | null;
  last_error: string | null;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  position: number | string | bigint;
}

export const toWebhook = (r: WebhookColumns): WebhookRow => ({
  id: r.id,
  projectId: r.project_id,
  url: r.url,
  events: JSON.parse(r.events) as WebhookEvent[],
  description: r.description ?? null,
  active: Number(r.active) === 1,
  registeredAt: r.registered_at,
  secret: r.secret,
});

export const toDelivery = (r: DeliveryColumns): DeliveryRow => ({
  id: r.delivery_id,
  webhookId: r.webhook_id,
  projectId: r.project_id,
  event: r.event,
  status: r.status,
  attempts: Number(r.attempts),
  lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
  lastError: r.last_error ?? null,
  lastAttemptAt: r.last_attempt_at ?? null,
  nextAttemptAt: r.status === 'PENDING' ? r.next_attempt_at : null,
  position: String(r.position),
});
