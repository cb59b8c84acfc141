import {
  DomainError,
  type Decider,
  characterCount,
  distinctIds,
  oneOf,
  optionalText,
  originOf,
  requiredText,
  withoutUndefined,
} from '@cf/core';
import { type Actor, type DeliveryStatus, WEBHOOK_EVENTS, type WebhookEvent, type WebhookStreamEvent } from './webhooks.events.js';
import { webhookErrors } from './webhooks.errors.js';
import { type WebhookState, evolveWebhook, initialWebhookState } from './webhooks.state.js';
import { type WebhookTarget, webhookUrl, writtenAsPosted } from './webhook-target.js';
import { previousSecretValidUntil } from './secret-overlap.js';

interface CommandBase {
  readonly webhookId: string;
  readonly at: string;
  readonly actor: Actor;
}

export interface RegisterWebhook extends CommandBase, WebhookTarget {
  readonly type: 'RegisterWebhook';
  readonly projectId: string;
  readonly events: readonly string[];
  readonly description?: string | null;
  /** Made by the handler: deciders make nothing random. */
  readonly secret: string;
}

export interface DeactivateWebhook extends CommandBase {
  readonly type: 'DeactivateWebhook';
}

export interface RotateWebhookSecret extends CommandBase {
  readonly type: 'RotateWebhookSecret';
  readonly secret: string;
  /** How long the secret it replaces still signs too (previousSecretValidUntil); none: it stops at once. */
  readonly keepPreviousSecretHours?: number;
}

/** The delivery as the outbox lists it, looked up by the handler (null when there is none). */
export interface DeliveryFact {
  readonly deliveryId: string;
  readonly webhookId: string;
  readonly status: DeliveryStatus;
}

export interface RedeliverWebhookDelivery extends CommandBase {
  readonly type: 'RedeliverWebhookDelivery';
  readonly deliveryId: string;
  readonly delivery: DeliveryFact | null;
}

export type WebhookCommand = RegisterWebhook | DeactivateWebhook | RotateWebhookSecret | RedeliverWebhookDelivery;

const MAX_URL_LENGTH = 2_000;

const subscribedEvents = (events: readonly string[]): WebhookEvent[] => {
  if (events.length === 0) throw DomainError.badInput('events', 'must name at least one event');
  const chosen = events.map((event) => oneOf('events', event, WEBHOOK_EVENTS));
  // As every list of ids: a second mention is a slip, not a wish to hear it twice.
  distinctIds('events', chosen, 'event');
  return WEBHOOK_EVENTS.filter((event) => chosen.includes(event));
};

const registerWebhook = (command: RegisterWebhook, state: WebhookState): WebhookStreamEvent[] => {
  if (state.exists) throw webhookErrors.alreadyRegistered(command.webhookId);
  const url = webhookUrl({ ...command, url: writtenAsPosted(requiredText('url', command.url, MAX_URL_LENGTH)) });
  const events = subscribedEvents(command.events);
  const description = optionalText(command.description);
  if (description !== undefined && characterCount(description) > 500)
    throw DomainError.badInput('description', 'must be at most 500 characters');
  return [
    {
      type: 'WebhookRegistered',
      data: withoutUndefined({
        webhookId: command.webhookId,
        projectId: command.projectId,
        url,
        origin: originOf(url),
        events,
        description,
        secret: command.secret,
        registeredBy: command.actor,
        at: command.at,
      }),
    },
  ];
};

const redeliver = (command: RedeliverWebhookDelivery, state: WebhookState): WebhookStreamEvent[] => {
  const delivery = command.delivery;
  if (!delivery || delivery.webhookId !== state.webhookId) throw webhookErrors.deliveryOfWebhook(command.deliveryId);
  if (delivery.status === 'PENDING') throw webhookErrors.deliveryFinished(command.deliveryId);
  return [
    {
      type: 'WebhookRedeliveryRequested',
      data: { webhookId: state.webhookId, projectId: state.projectId, deliveryId: delivery.deliveryId, by: command.actor, at: command.at },
    },
  ];
};

export const decideWebhook = (command: WebhookCommand, state: WebhookState): WebhookStreamEvent[] => {
  if (command.type === 'RegisterWebhook') return registerWebhook(command, state);
  if (!state.exists) throw webhookErrors.webhookNotFound(command.webhookId);
  if (!state.active) throw webhookErrors.webhookActive(command.webhookId);
  const { webhookId, projectId } = state;
  switch (command.type) {
    case 'DeactivateWebhook':
      return [{ type: 'WebhookDeactivated', data: { webhookId, projectId, by: command.actor, at: command.at } }];
    case 'RotateWebhookSecret': {
      const overlap = previousSecretValidUntil(command.keepPreviousSecretHours, command.at);
      return [
        {
          type: 'WebhookSecretRotated',
          data: { webhookId, projectId, secret: command.secret, ...overlap, by: command.actor, at: command.at },
        },
      ];
    }
    case 'RedeliverWebhookDelivery':
      return redeliver(command, state);
  }
};

export const webhooksDecider: Decider<WebhookCommand, WebhookStreamEvent, WebhookState> = {
  initialState: initialWebhookState,
  evolve: evolveWebhook,
  decide: decideWebhook,
};
