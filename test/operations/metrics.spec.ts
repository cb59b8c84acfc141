import { LEDGER_METRICS, type LedgerMetrics } from '../../apps/api/metrics/ledger-metrics.js';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { histogramCount, sampleOf, scrape } from './scrape.js';

/** Every label the service's own metrics may carry: each takes its values from a fixed set. */
const BOUNDED_LABELS = new Set(['command', 'outcome', 'projection', 'operation', 'type', 'le']);

describe('GET /metrics', () => {
  let portal: Portal;
  let base: string;
  beforeAll(async () => {
    portal = await startPortal();
    base = portal.url.replace('/graphql', '');
  });
  afterAll(() => portal.close());

  it('after one mutation and one query shows the commands, appends, projections and operations with their labels', async () => {
    const token = await portal.tokenFor('mia');
    const opened = await portal.ok('OpenProject', { input: { name: 'Metered', customerName: 'C', budgetHours: 10 } }, token);
    await portal.ok('Projects', { first: 5 }, token);
    const families = await scrape(base);

    expect(Number(sampleOf(families, 'ledger_commands_total', { command: 'OpenProject', outcome: 'OK' }).value)).toBe(1);
    expect(families.get('ledger_command_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(await histogramCount(portal.app, 'ledger_command_duration_seconds', { command: 'OpenProject' })).toBe(1);
    expect(Number(sampleOf(families, 'ledger_events_appended_total').value)).toBe(1);
    expect(families.get('ledger_append_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(Number(sampleOf(families, 'ledger_append_duration_seconds').count)).toBe(1);
    expect(Number(sampleOf(families, 'ledger_projection_events_applied_total', { projection: 'projects' }).value)).toBe(1);
    expect(Number(sampleOf(families, 'ledger_projection_lag_events', { projection: 'projects' }).value)).toBe(0);
    expect(Number(sampleOf(families, 'ledger_projections_led_here').value)).toBe(1);
    expect(Number(sampleOf(families, 'ledger_rate_limited_total').value)).toBe(0);
    const operations = families.get('ledger_graphql_operation_duration_seconds')!;
    expect(operations.type).toBe('HISTOGRAM');
    expect(
      await histogramCount(portal.app, 'ledger_graphql_operation_duration_seconds', {
        operation: 'OpenProject',
        type: 'mutation',
        outcome: 'OK',
      }),
    ).toBe(1);
    expect(
      await histogramCount(portal.app, 'ledger_graphql_operation_duration_seconds', {
        operation: 'Projects',
        type: 'query',
        outcome: 'OK',
      }),
    ).toBe(1);
    expect(families.has('process_cpu_seconds_total')).toBe(true);

    const ledgerSeries = (await portal.app.get<LedgerMetrics>(LEDGER_METRICS).registry.getMetricsAsJSON()).filter((m) =>
      m.name.startsWith('ledger_'),
    );
    const labels = ledgerSeries.flatMap((m) =>
      m.values.flatMap((v) => Object.entries(v.labels).map(([name, value]) => [name, String(value)])),
    );
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.filter(([name]) => !BOUNDED_LABELS.has(name))).toEqual([]);
    expect(labels.filter(([, value]) => value === 'mia' || value === opened.openProject.project.id)).toEqual([]);
  });

  it('labels a refused operation with its error code', async () => {
    await portal.graphql('query Nobody { projects { totalCount } }', {}, 'not-a-token');
    const families = await scrape(base);
    expect(families.get('ledger_graphql_operation_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(
      await histogramCount(portal.app, 'ledger_graphql_operation_duration_seconds', {
        operation: 'Nobody',
        type: 'query',
        outcome: 'UNAUTHENTICATED',
      }),
    ).toBe(1);
  });
});

describe('ledger_rate_limited_total', () => {
  it('counts the operations the rate limit refused', async () => {
    const portal = await startPortal({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const token = await portal.tokenFor('ada');
      for (let i = 0; i < 4; i++) await portal.graphql('{ projects { totalCount } }', {}, token);
      const families = await scrape(portal.url.replace('/graphql', ''));
      expect(Number(sampleOf(families, 'ledger_rate_limited_total').value)).toBe(2);
    } finally {
      await portal.close();
    }
  });
});

describe('METRICS=off', () => {
  it('serves no /metrics', async () => {
    const portal = await startPortal({ env: { METRICS: 'off' } });
    try {
      expect((await fetch(portal.url.replace('/graphql', '/metrics'))).status).toBe(404);
    } finally {
      await portal.close();
    }
  });
});
