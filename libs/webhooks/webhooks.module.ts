import { Module } from '@nestjs/common';
import { idsOfKindWithoutStream } from '@cf/ledger';
import { ProjectsModule } from '@cf/projects';
import { TargetHosts } from './access/target-addresses.js';
import { WebhookAccess } from './access/webhook-access.js';
import { WebhookDecisions } from './access/webhook-decisions.js';
import { DeactivateWebhookHandler } from './deactivate-webhook/deactivate-webhook.handler.js';
import { DeactivateWebhookResolver } from './deactivate-webhook/deactivate-webhook.resolver.js';
import { loadDeliverySettings } from './delivery/delivery-settings.js';
import { DELIVERY_SETTINGS, WebhookDispatcher } from './delivery/webhook-dispatcher.js';
import { ListWebhooksHandler } from './list-webhooks/list-webhooks.handler.js';
import { ListWebhooksResolver } from './list-webhooks/list-webhooks.resolver.js';
import { SecretAnswerDeliveriesResolver, WebhookDeliveriesResolver } from './list-webhooks/webhook-deliveries.resolver.js';
import { GetWebhookHandler } from './get-webhook/get-webhook.handler.js';
import { GetWebhookResolver } from './get-webhook/get-webhook.resolver.js';
import { RedeliverWebhookDeliveryHandler } from './redeliver-webhook-delivery/redeliver-webhook-delivery.handler.js';
import { RedeliverWebhookDeliveryResolver } from './redeliver-webhook-delivery/redeliver-webhook-delivery.resolver.js';
import { RegisterWebhookHandler } from './register-webhook/register-webhook.handler.js';
import { RegisterWebhookResolver } from './register-webhook/register-webhook.resolver.js';
import { RotateWebhookSecretHandler } from './rotate-webhook-secret/rotate-webhook-secret.handler.js';
import { RotateWebhookSecretResolver } from './rotate-webhook-secret/rotate-webhook-secret.resolver.js';
import { webhooksReadModel } from './outbox/webhooks.read-model.js';

/** Webhooks: registered by a project's MANAGERs, fed by the outbox projection, sent by the dispatcher. */
@Module({
  imports: [ProjectsModule],
  providers: [
    idsOfKindWithoutStream('webhookDelivery', (readModels, id) => webhooksReadModel(readModels).delivery(id)),
    { provide: DELIVERY_SETTINGS, useFactory: () => loadDeliverySettings(process.env) },
    TargetHosts,
    WebhookAccess,
    WebhookDecisions,
    WebhookDispatcher,
    RegisterWebhookHandler,
    RegisterWebhookResolver,
    DeactivateWebhookHandler,
    DeactivateWebhookResolver,
    RotateWebhookSecretHandler,
    RotateWebhookSecretResolver,
    RedeliverWebhookDeliveryHandler,
    RedeliverWebhookDeliveryResolver,
    ListWebhooksHandler,
    ListWebhooksResolver,
    WebhookDeliveriesResolver,
    SecretAnswerDeliveriesResolver,
    GetWebhookHandler,
    GetWebhookResolver,
  ],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}
