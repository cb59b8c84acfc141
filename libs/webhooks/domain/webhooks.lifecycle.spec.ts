import { P, W, ann, at, deactivated, registered, spec } from './webhooks.spec-fixtures.js';

describe('webhooks decider: DeactivateWebhook and RotateWebhookSecret', () => {
  it('deactivates an active webhook, once', () => {
    spec.given([registered]).when({ type: 'DeactivateWebhook', webhookId: W, at, actor: ann }).then([deactivated]);
    spec
      .given([registered, deactivated])
      .when({ type: 'DeactivateWebhook', webhookId: W, at, actor: ann })
      .thenThrows('RULE_VIOLATED', 'webhookActive');
  });

  it('rotates the secret of an active webhook', () => {
    spec
      .given([registered])
      .when({ type: 'RotateWebhookSecret', webhookId: W, secret: 'whsec_two', at, actor: ann })
      .then([{ type: 'WebhookSecretRotated', data: { webhookId: W, projectId: P, secret: 'whsec_two', by: ann, at } }]);
  });

  it('keeps the secret it replaces signing for the hours asked, a week at most, in whole hours', () => {
    const rotate = (keepPreviousSecretHours: number) => ({
      type: 'RotateWebhookSecret' as const,
      webhookId: W,
      secret: 'whsec_two',
      keepPreviousSecretHours,
      at,
      actor: ann,
    });
    const until = new Date(Date.parse(at) + 24 * 3_600_000).toISOString();
    spec
      .given([registered])
      .when(rotate(24))
      .then([
        {
          type: 'WebhookSecretRotated',
          data: { webhookId: W, projectId: P, secret: 'whsec_two', previousSecretValidUntil: until, by: ann, at },
        },
      ]);
    for (const hours of [-1, 1.5, 169])
      expect(spec.given([registered]).when(rotate(hours)).thenThrows('BAD_USER_INPUT').details.field).toBe('keepPreviousSecretHours');
  });

  it('knows no webhook that was never registered', () => {
    spec.given([]).when({ type: 'DeactivateWebhook', webhookId: W, at, actor: ann }).thenThrows('NOT_FOUND');
  });
});
