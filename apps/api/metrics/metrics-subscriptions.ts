import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { EventSourcing, rateLimitedChannel } from '@cf/ledger';
import { type DeliveryAttempted, webhookDeliveryChannel } from '@cf/webhooks';
import { LEDGER_METRICS, type LedgerMetrics } from './ledger-metrics.js';
import { addProjectionGauges } from './projection-gauges.js';

/** Feeds the metrics that are not timed inline: the projections' state, the rate limiter's refusals, webhook attempts. */
@Injectable()
export class MetricsSubscriptions implements OnModuleInit, OnModuleDestroy {
  private readonly countRateLimited = (): void => this.metrics.rateLimited.inc();
  private readonly countWebhookAttempt = (message: unknown): void => {
    const { event, outcome } = message as DeliveryAttempted;
    this.metrics.webhookDeliveries.inc({ event, outcome });
  };

  constructor(
    @Inject(LEDGER_METRICS) private readonly metrics: LedgerMetrics,
    private readonly eventSourcing: EventSourcing,
  ) {}

  onModuleInit(): void {
    addProjectionGauges(this.metrics, this.eventSourcing);
    rateLimitedChannel.subscribe(this.countRateLimited);
    webhookDeliveryChannel.subscribe(this.countWebhookAttempt);
  }

  onModuleDestroy(): void {
    rateLimitedChannel.unsubscribe(this.countRateLimited);
    webhookDeliveryChannel.unsubscribe(this.countWebhookAttempt);
  }
}
