import type { EventSourcing } from '@cf/ledger';
import { LedgerMetrics } from './ledger-metrics.js';
import { HEAD_WAIT_MS, addProjectionGauges } from './projection-gauges.js';

/** An EventSourcing whose log answers its head with `head` (a promise that may never settle). */
const eventSourcingWith = (head: () => Promise<bigint>) => {
  let asked = 0;
  const eventSourcing = {
    store: {
      headPosition: () => {
        asked += 1;
        return head();
      },
    },
    runner: { status: () => [{ name: 'commitments', position: 40n }], isLeading: () => true },
  } as unknown as EventSourcing;
  return { eventSourcing, asked: () => asked };
};

const scrape = async (metrics: LedgerMetrics): Promise<{ text: string; ms: number }> => {
  const started = Date.now();
  const text = await metrics.registry.metrics();
  return { text, ms: Date.now() - started };
};

describe('projection gauges', () => {
  it("show each projection's lag behind the log's head", async () => {
    const metrics = new LedgerMetrics();
    addProjectionGauges(metrics, eventSourcingWith(async () => 52n).eventSourcing);
    expect((await scrape(metrics)).text).toContain('ledger_projection_lag_events{projection="commitments"} 12');
  });

  it('answer a scrape without the lag when the store hangs, sending one query however many scrapes come', async () => {
    const metrics = new LedgerMetrics();
    const hanging = eventSourcingWith(() => new Promise<bigint>(() => undefined));
    addProjectionGauges(metrics, hanging.eventSourcing);
    const [first, second] = await Promise.all([scrape(metrics), scrape(metrics)]);
    for (const answer of [first, second]) {
      expect(answer.ms).toBeLessThan(HEAD_WAIT_MS + 2_000);
      expect(answer.text).toContain('ledger_projections_led_here 1');
      expect(answer.text).not.toContain('ledger_projection_lag_events{');
    }
    // A scrape after the wait shares the hung query still, sending no other.
    await scrape(metrics);
    expect(hanging.asked()).toBe(1);
  });
});
