import { DomainError } from '@cf/core';

export const webhookErrors = {
  webhookNotFound: (webhookId: string): DomainError => DomainError.notFound('Webhook', webhookId),
  alreadyRegistered: (webhookId: string): DomainError =>
    DomainError.ruleViolated('alreadyExists', `Webhook ${webhookId} has already been registered`),
  webhookActive: (webhookId: string): DomainError => DomainError.ruleViolated('webhookActive', `Webhook ${webhookId} has been deactivated`),
  urlLost: (webhookId: string): DomainError =>
    DomainError.ruleViolated(
      'webhookUrlLost',
      `Webhook ${webhookId}'s URL was lost with its key (a log copied without its keys): a new secret would sign nothing; register the webhook again`,
    ),
  replayedSecretLost: (webhookId: string): DomainError =>
    DomainError.ruleViolated(
      'webhookSecretLost',
      `Webhook ${webhookId}'s secret from the first answer to this idempotency key can no longer be opened (the webhook was forgotten, or the log copied without its keys): register the webhook again, and deactivate this one`,
      'idempotencyKey',
    ),
  deliveryOfWebhook: (deliveryId: string): DomainError => DomainError.notFound('WebhookDelivery', deliveryId),
  deliveryFinished: (deliveryId: string): DomainError =>
    DomainError.ruleViolated(
      'deliveryFinished',
      `Delivery ${deliveryId} is still being attempted; redeliver it once it was delivered or failed`,
    ),
};
