import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@cf/event-store';
import { projectsDecider, projectsProjection } from '@cf/projects';
import { loadConfig } from '../config/ledger-config.js';
import { EventSourcing } from '../event-sourcing.service.js';
import { openEventSourcing } from '../open-event-sourcing.js';
import type { EventSourcingTelemetry } from './event-sourcing-telemetry.js';

/** Records what the ledger reports, in order, as `begin`/`end` of each piece of work. */
const recording = (seen: string[]): EventSourcingTelemetry => ({
  observeStore: (store: EventStore) => {
    seen.push(`observed ${store.name}`);
    const append = store.append.bind(store);
    return Object.assign(Object.create(store) as EventStore, {
      append: (...args: Parameters<EventStore['append']>) => (seen.push('append'), append(...args)),
    });
  },
  projections: { applied: (name, events) => seen.push(`applied ${name} ${events}`) },
  command: async (name, run) => {
    seen.push(`begin ${name}`);
    try {
      return await run();
    } finally {
      seen.push(`end ${name}`);
    }
  },
  projectionWait: async (run) => {
    seen.push('begin wait');
    try {
      return await run();
    } finally {
      seen.push('end wait');
    }
  },
});

describe('the ledger with telemetry', () => {
  it('reports each command around its append and its wait for the projections', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cf-telemetry-'));
    const seen: string[] = [];
    const telemetry = recording(seen);
    const open = await openEventSourcing(loadConfig({ EVENT_STORE: 'sqlite', DATA_DIR: dataDir }), [projectsProjection], telemetry);
    const eventSourcing = new EventSourcing(open, telemetry);
    try {
      eventSourcing.onApplicationBootstrap();
      await eventSourcing.runner.whenCaughtUp();
      const actor = { userId: 'ada', name: 'Ada' };
      await eventSourcing.execute(
        projectsDecider,
        'project-p1',
        {
          type: 'OpenProject',
          projectId: 'p1',
          name: 'Observed',
          customerName: 'C',
          budgetHours: 10,
          actor,
        },
        { caller: { actor, correlationId: 'c-1' } },
      );
      expect(seen.slice(0, 3)).toEqual(['observed sqlite', 'begin OpenProject', 'append']);
      expect(seen.indexOf('begin wait')).toBeGreaterThan(seen.indexOf('append'));
      expect(seen.slice(-2)).toEqual(['end wait', 'end OpenProject']);
      expect(seen).toContain('applied projects 1');
    } finally {
      await eventSourcing.onApplicationShutdown();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
