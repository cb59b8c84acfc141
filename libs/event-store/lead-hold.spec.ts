import { LeadHold } from './lead-hold.js';
import { openSqliteReadModels } from './read-model-db.js';
import { projectionLeadChanged } from './projection-lead-changed.js';
import { migrateReadModels } from './checkpoints.js';
import { totals } from './projection.spec-fixtures.js';

/** Taking and losing the lead is told (projectionLeadChanged) once per change, not at every pass. */
describe('LeadHold', () => {
  it('tells when it takes the lead and when it loses it, once each', async () => {
    const db = openSqliteReadModels(':memory:');
    await migrateReadModels(db, [totals]);
    const answers = [false, true, true, false, false, true];
    const hold = new LeadHold({ acquire: async () => answers.shift()!, release: async () => undefined, isFree: async () => false }, db);
    const told: unknown[] = [];
    const listen = (leading: unknown) => told.push(leading);
    projectionLeadChanged.subscribe(listen);
    try {
      const led: boolean[] = [];
      for (let pass = 0; pass < 6; pass++) led.push(await hold.lead([totals]));
      expect(led).toEqual([false, true, true, false, false, true]);
      expect(told).toEqual([true, false, true]);
    } finally {
      projectionLeadChanged.unsubscribe(listen);
      await db.destroy();
    }
  });
});
