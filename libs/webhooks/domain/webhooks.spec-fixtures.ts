/** Shared examples for the webhook decider's specs (test data only, imported by *.spec.ts). */
import { specification } from '@test/decider-specification.js';
import { type WebhookCommand, webhooksDecider } from './webhooks.decide.js';
import type { DeliveryStatus, WebhookDeactivated, WebhookRegistered } from './webhooks.events.js';

export const spec = specification(webhooksDecider);
export const at = '2026-03-01T09:00:00.000Z';
export const ann = { userId: 'u-ann', name: 'Ann Manager' };
export const W = 'w-1';
export const P = 'p-1';

export const registered: WebhookRegistered = {
  type: 'WebhookRegistered',
  data: {
    webhookId: W,
    projectId: P,
    url: 'https://hooks.example.com/ledger',
    origin: 'https://hooks.example.com',
    events: ['COMMITMENT_REJECTED', 'PERCEPTION_GAP_OPENED'],
    secret: 'whsec_one',
    registeredBy: ann,
    at,
  },
};
export const deactivated: WebhookDeactivated = { type: 'WebhookDeactivated', data: { webhookId: W, projectId: P, by: ann, at } };

type Register = Extract<WebhookCommand, { type: 'RegisterWebhook' }>;
/** Ann registers webhook W of project P: a public HTTPS host, for two events. */
export const register = (overrides: Partial<Register> = {}): WebhookCommand => ({
  type: 'RegisterWebhook',
  webhookId: W,
  projectId: P,
  url: 'https://hooks.example.com/ledger',
  events: ['PERCEPTION_GAP_OPENED', 'COMMITMENT_REJECTED'],
  secret: 'whsec_one',
  resolvedAddresses: ['93.184.216.34'],
  allowPrivate: false,
  at,
  actor: ann,
  ...overrides,
});
/** A redelivery of d-1, found in the read models at `status` and as a delivery of `webhookId`. */
export const redeliver = (status: DeliveryStatus, webhookId = W): WebhookCommand => ({
  type: 'RedeliverWebhookDelivery',
  webhookId: W,
  deliveryId: 'd-1',
  delivery: { deliveryId: 'd-1', webhookId, status },
  at,
  actor: ann,
});
