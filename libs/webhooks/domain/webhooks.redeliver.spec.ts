import { P, W, ann, at, redeliver, registered, spec } from './webhooks.spec-fixtures.js';

describe('webhooks decider: RedeliverWebhookDelivery', () => {
  it('sends a delivered, failed or skipped delivery again', () => {
    for (const status of ['DELIVERED', 'FAILED', 'SKIPPED'] as const) {
      spec
        .given([registered])
        .when(redeliver(status))
        .then([{ type: 'WebhookRedeliveryRequested', data: { webhookId: W, projectId: P, deliveryId: 'd-1', by: ann, at } }]);
    }
  });

  it('leaves a delivery still being attempted alone', () => {
    spec.given([registered]).when(redeliver('PENDING')).thenThrows('RULE_VIOLATED', 'deliveryFinished');
  });

  it('knows only deliveries of this webhook', () => {
    spec.given([registered]).when(redeliver('FAILED', 'w-other')).thenThrows('NOT_FOUND');
  });
});
