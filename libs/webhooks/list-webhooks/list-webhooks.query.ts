import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { Webhook } from '../graphql/webhook.types.js';

export class ListWebhooksQuery extends Query<Webhook[]> {
  constructor(
    readonly projectId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
