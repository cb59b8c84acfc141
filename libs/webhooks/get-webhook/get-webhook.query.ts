import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { Webhook } from '../graphql/webhook.types.js';

export class GetWebhookQuery extends Query<Webhook> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
