import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Registry } from 'prom-client';
import { Public } from '@cf/ledger';
import { LEDGER_METRICS, type LedgerMetrics } from './ledger-metrics.js';

/** GET /metrics in Prometheus' text format, for a scraper inside the operator's network. */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(LEDGER_METRICS) private readonly metrics: LedgerMetrics) {}

  @Public()
  @Get()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
