import { EventSourcing } from '@cf/ledger';
import { startPortal } from '../harness/portal-harness.js';
import { eventually, probe } from './probes.js';

/**
 * Older code alone on read models newer code built (the newer instances stopped, a rollback not
 * done as README says): it gives the projections up to that code, so nothing written is projected
 * and every mutation would wait in vain. It must not go on answering ready.
 */
describe('GET /health/ready on older code whose read models newer code built', () => {
  it('turns 503 naming projectionsLed once no instance projects them, and says what to do', async () => {
    const portal = await startPortal();
    try {
      expect((await probe(portal, '/health/ready')).status).toBe(200);
      const { readModels } = portal.app.get(EventSourcing);
      // What newer code leaves: its version of a read model, above this code's.
      await readModels.updateTable('projection_versions').set({ version: 1_000 }).where('name', '=', 'requests').execute();
      // Once the lead has stayed free UNLED_FOR_MS (a newer leader may be restarting meanwhile).
      const notReady = await eventually(portal, '/health/ready', 503, 30_000);
      expect(notReady.body.error?.projectionsLed).toMatchObject({
        status: 'down',
        message:
          'read models requests were built by newer code and no instance of it runs, so nothing written is projected: start the newer code, or roll back as README says (Operating it)',
      });
    } finally {
      await portal.close();
    }
  });
});
