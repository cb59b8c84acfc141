import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { Webhook } from '../graphql/webhook.types.js';
import { ListWebhooksQuery } from './list-webhooks.query.js';

@Resolver(() => Webhook)
export class ListWebhooksResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => [Webhook], { description: "MANAGER only: the project's webhooks, without their secrets" })
  webhooks(@Args('projectId', { type: () => ID }) projectId: string, @CurrentCaller() caller: Caller): Promise<Webhook[]> {
    return this.queryBus.execute(new ListWebhooksQuery(projectId, caller));
  }
}
