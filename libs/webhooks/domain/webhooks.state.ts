import type { WebhookEvent, WebhookStreamEvent } from './webhooks.events.js';

export interface WebhookState {
  readonly exists: boolean;
  readonly webhookId: string;
  readonly projectId: string;
  readonly url: string;
  readonly events: readonly WebhookEvent[];
  readonly active: boolean;
}

export const initialWebhookState = (): WebhookState => ({
  exists: false,
  webhookId: '',
  projectId: '',
  url: '',
  events: [],
  active: false,
});

export const evolveWebhook = (state: WebhookState, event: WebhookStreamEvent): WebhookState => {
  switch (event.type) {
    case 'WebhookRegistered': {
      const { webhookId, projectId, url, events } = event.data;
      return { exists: true, webhookId, projectId, url, events, active: true };
    }
    case 'WebhookDeactivated':
      return { ...state, active: false };
    default:
      return state;
  }
};
