import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { WebhookAccess } from '../access/webhook-access.js';
import { toWebhook } from '../graphql/webhook.mapping.js';
import type { Webhook } from '../graphql/webhook.types.js';
import { GetWebhookQuery } from './get-webhook.query.js';

/** One webhook, without its secret, for its project's MANAGERs: where one webhook's deliveries are paged. */
@QueryHandler(GetWebhookQuery)
export class GetWebhookHandler implements IQueryHandler<GetWebhookQuery, Webhook> {
  constructor(private readonly access: WebhookAccess) {}

  async execute({ id, caller }: GetWebhookQuery): Promise<Webhook> {
    return toWebhook(await this.access.requireWebhook(caller, id, 'read webhooks'));
  }
}
