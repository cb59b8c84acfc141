import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { Webhook } from '../graphql/webhook.types.js';
import { GetWebhookQuery } from './get-webhook.query.js';

@Resolver()
export class GetWebhookResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => Webhook, { description: 'MANAGER only: one webhook, without its secret; page its deliveries here' })
  webhook(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller): Promise<Webhook> {
    return this.queryBus.execute(new GetWebhookQuery(id, caller));
  }
}
