import { EventSourcing } from '@cf/ledger';
import { LEDGER_PROJECTIONS } from '../../../apps/api/ledger-contexts.js';
import { tellDemoStory } from '../../../apps/cli/seed/demo-story.js';
import { SeedClient } from '../../../apps/cli/seed/seed-client.js';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

/** Every row of every table of every projection, in a stable order. */
const snapshot = async (eventSourcing: EventSourcing): Promise<Record<string, string[]>> => {
  const tables: Record<string, string[]> = {};
  for (const projection of LEDGER_PROJECTIONS) {
    for (const table of projection.tables) {
      const rows = await eventSourcing.readModels.selectFrom(table).selectAll().execute();
      tables[`${projection.name}.${table}`] = rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
    }
  }
  return tables;
};

/** Rebuilding every projection from the log, twice, gives the tables the live projection built. */
describe('replaying the log into the read models', () => {
  let portal: Portal;
  let eventSourcing: EventSourcing;

  beforeAll(async () => {
    portal = await startPortal();
    eventSourcing = portal.app.get(EventSourcing);
    const tokens: Record<string, string> = {};
    for (const user of ['maria', 'jonas', 'ines']) tokens[user] = await portal.tokenFor(user);
    const ids = await tellDemoStory(new SeedClient(portal.url, tokens));
    // A few more kinds of event: a decline, a withdrawal, a forgotten contact, a new baseline.
    await portal.ok(
      'RespondToRequest',
      { input: { requestId: ids.fasterLogin, stance: 'DECLINE', message: 'Login is fast enough.' } },
      tokens.jonas,
    );
    await portal.ok('WithdrawCommitment', { input: { commitmentId: ids.onSitePromise, note: 'Replanned' } }, tokens.maria);
    await portal.ok('ForgetContact', { input: { contactId: ids.paula, reason: 'Asked to be forgotten' } }, tokens.maria);
    await portal.ok(
      'ApproveBaseline',
      { input: { projectId: ids.project, name: 'Contract v2', countersignedById: ids.sven } },
      tokens.maria,
    );
  });
  afterAll(() => portal.close());

  it('leaves every table identical to the live one, row for row, each time', async () => {
    const live = await snapshot(eventSourcing);
    expect(live['dashboards.dashboard_counters'].length).toBeGreaterThan(0);
    expect(live['commitments.commitment_budget_loads'].length).toBe(3);
    expect(live['commitments.commitment_counters'].length).toBeGreaterThan(0);
    await eventSourcing.runner.stop();
    for (const round of [1, 2]) {
      for (const projection of LEDGER_PROJECTIONS) await eventSourcing.runner.reset(projection.name);
      expect((await snapshot(eventSourcing))['dashboards.dashboard_counters']).toEqual([]);
      await eventSourcing.runner.catchUp();
      expect({ round, tables: await snapshot(eventSourcing) }).toEqual({ round, tables: live });
    }
  });
});
