import type { INestApplication } from '@nestjs/common';
import parsePrometheusTextFormat, { type MetricFamily, type Sample } from 'parse-prometheus-text-format';
import { LEDGER_METRICS, type LedgerMetrics } from '../../apps/api/metrics/ledger-metrics.js';

/** GET /metrics, parsed as Prometheus' text format: families by name. */
export const scrape = async (baseUrl: string): Promise<Map<string, MetricFamily>> => {
  const response = await fetch(`${baseUrl}/metrics`);
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}`);
  return new Map(parsePrometheusTextFormat(await response.text()).map((family) => [family.name, family]));
};

const sameLabels = (a: Record<string, string | number> | undefined, b: Record<string, string>): boolean =>
  JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b).sort());

/** A counter's or gauge's sample whose labels are exactly `labels`; fails naming what there was instead. */
export const sampleOf = (families: Map<string, MetricFamily>, name: string, labels: Record<string, string> = {}): Sample => {
  const family = families.get(name);
  if (!family) throw new Error(`no metric ${name}`);
  const sample = family.metrics.find((m) => sameLabels(m.labels, labels));
  if (!sample)
    throw new Error(
      `${name} has no sample labelled ${JSON.stringify(labels)}; it has ${JSON.stringify(family.metrics.map((m) => m.labels))}`,
    );
  return sample;
};

/**
 * How many observations a histogram holds under exactly `labels`. The text parser folds a
 * labelled histogram's series into one, so these come from the registry that /metrics serves.
 */
export const histogramCount = async (app: INestApplication, name: string, labels: Record<string, string> = {}): Promise<number> => {
  const metric = app.get<LedgerMetrics>(LEDGER_METRICS).registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const counts = (await metric.get()).values.filter((v) => (v as { metricName?: string }).metricName === `${name}_count`);
  const count = counts.find((v) => sameLabels(v.labels as Record<string, string>, labels));
  if (!count)
    throw new Error(`${name} has no series labelled ${JSON.stringify(labels)}; it has ${JSON.stringify(counts.map((v) => v.labels))}`);
  return count.value;
};
