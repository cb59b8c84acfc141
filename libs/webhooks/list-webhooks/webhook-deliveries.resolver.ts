import { Args, ID, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '@cf/core';
import { EventSourcing } from '@cf/ledger';
import { Webhook, WebhookDelivery, WebhookWithSecret } from '../graphql/webhook.types.js';
import { webhooksReadModel } from '../outbox/webhooks.read-model.js';

const MAX_DELIVERIES = 100;

/**
 * A webhook's latest deliveries first (a webhook is only reached after the MANAGER check), 100 at
 * most a page. Nested in a list of webhooks, a page costs as many times over, and an `after` names
 * a delivery of one webhook: one webhook's pages are read with `webhook(id)`. The same field on
 * a listed webhook and on the one registration or rotation answers, which shows its secret.
 */
const deliveriesResolverOf = (type: typeof Webhook) => {
  @Resolver(() => type)
  class DeliveriesResolver {
    constructor(readonly eventSourcing: EventSourcing) {}

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
      if (after != null && !place) {
        throw DomainError.badInput('after', `names no delivery of webhook ${webhook.id}; page one webhook's deliveries with webhook(id)`);
      }
      return read.deliveriesOf(webhook.id, first, place);
    }
  }
  return DeliveriesResolver;
};

export const WebhookDeliveriesResolver = deliveriesResolverOf(Webhook);
export const SecretAnswerDeliveriesResolver = deliveriesResolverOf(WebhookWithSecret);
