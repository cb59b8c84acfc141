import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSourcing } from '@cf/ledger';
import { WebhookAccess } from '../access/webhook-access.js';
import { toWebhook } from '../graphql/webhook.mapping.js';
import type { Webhook } from '../graphql/webhook.types.js';
import { webhooksReadModel } from '../outbox/webhooks.read-model.js';
import { ListWebhooksQuery } from './list-webhooks.query.js';

/** A project's webhooks, in the order they were registered, for its MANAGERs: never their secrets. */
@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery, Webhook[]> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: WebhookAccess,
  ) {}

  async execute({ projectId, caller }: ListWebhooksQuery): Promise<Webhook[]> {
    await this.access.requireProject(caller, projectId, 'read webhooks');
    return (await webhooksReadModel(this.eventSourcing.readModels).webhooksOf(projectId)).map(toWebhook);
  }
}
