import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError } from '@cf/core';
import { type Caller, CurrentCaller, EventSourcing } from '@cf/ledger';
import { Webhook, WebhookDelivery } from '../graphql/webhook.types.js';
import { webhooksReadModel } from '../outbox/webhooks.read-model.js';
import { ListWebhooksQuery } from './list-webhooks.query.js';

const MAX_DELIVERIES = 100;

@Resolver(() => Webhook)
export class ListWebhooksResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Query(() => [Webhook], { description: "MANAGER only: the project's webhooks, without their secrets" })
  webhooks(@Args('projectId', { type: () => ID }) projectId: string, @CurrentCaller() caller: Caller): Promise<Webhook[]> {
    return this.queryBus.execute(new ListWebhooksQuery(projectId, caller));
  }

  /** The latest deliveries first (a webhook is only reached after the MANAGER check). */
  @ResolveField(() => [WebhookDelivery])
  async deliveries(
    @Parent() webhook: Webhook,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<WebhookDelivery[]> {
    if (first < 1 || first > MAX_DELIVERIES) throw DomainError.badInput('first', `must be from 1 to ${MAX_DELIVERIES}`);
    return webhooksReadModel(this.eventSourcing.readModels).deliveriesOf(webhook.id, first);
  }
}
