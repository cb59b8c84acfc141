import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Ledger, rateLimitedChannel } from '@cf/ledger';
import { LEDGER_METRICS, type LedgerMetrics } from './ledger-metrics.js';
import { addProjectionGauges } from './projection-gauges.js';

/** Feeds the metrics that are not timed inline: the projections' state and the rate limiter's refusals. */
@Injectable()
export class MetricsSubscriptions implements OnModuleInit, OnModuleDestroy {
  private readonly countRateLimited = (): void => this.metrics.rateLimited.inc();

  constructor(@Inject(LEDGER_METRICS) private readonly metrics: LedgerMetrics, private readonly ledger: Ledger) {}

  onModuleInit(): void {
    addProjectionGauges(this.metrics, this.ledger);
    rateLimitedChannel.subscribe(this.countRateLimited);
  }

  onModuleDestroy(): void {
    rateLimitedChannel.unsubscribe(this.countRateLimited);
  }
}
