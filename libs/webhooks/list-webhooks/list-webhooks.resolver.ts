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

  /**
   * The latest deliveries first (a webhook is only reached after the MANAGER check), 100 at most
   * a page: a webhook's page is nested in the list of webhooks, so it costs as many times over.
   */
  @ResolveField(() => [WebhookDelivery])
  async deliveries(
    @Parent() webhook: Webhook,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => ID, nullable: true, description: 'The last delivery of the page before: the next page' })
    after?: string | null,
  ): Promise<WebhookDelivery[]> {
    if (first < 1 || first > MAX_DELIVERIES) throw DomainError.badInput('first', `must be from 1 to ${MAX_DELIVERIES}`);
    const read = webhooksReadModel(this.eventSourcing.readModels);
    const place = after == null ? undefined : await read.placeOf(webhook.id, after);
    if (after != null && !place) throw DomainError.badInput('after', `names no delivery of webhook ${webhook.id}`);
    return read.deliveriesOf(webhook.id, first, place);
  }
}
