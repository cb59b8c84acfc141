import { jest } from '@jest/globals';
import { rebuildCommand } from '../../apps/cli/commands/rebuild.command.js';
import { startPortal } from '../harness/portal-harness.js';
import { describeWithPostgres } from '../harness/postgres-reachable.js';
import { TEST_DATABASE_URL, dropSchemas } from '../harness/store-under-test.js';

const SCHEMA = `cf_rebuild_serving_${process.pid}`;
const describeIt = await describeWithPostgres('rebuild while serving');

/**
 * A rebuild empties the read models and replays the log into them; an instance still running the
 * projections meanwhile left them nearly empty while it answered as ready (and, with commands
 * coming in, short for good). The instance holds the projections' leadership — an advisory lock
 * on PostgreSQL, a lock file in DATA_DIR on SQLite — so the rebuild is refused, emptying nothing.
 */
const refusedWhileServing = async (env: Record<string, string>): Promise<void> => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const portal = await startPortal({ env });
  const token = await portal.tokenFor('maria');
  const { openProject } = await portal.ok('OpenProject', { input: { name: 'Kept', customerName: 'C', budgetHours: 10 } }, token);
  try {
    await expect(rebuildCommand(portal.config)).rejects.toThrow(/an API instance is serving this store[^]*nothing was emptied/);
    expect((await portal.ok('Project', { id: openProject.project.id }, token)).project.name).toBe('Kept');
  } finally {
    await portal.app.close();
  }
  try {
    await expect(rebuildCommand(portal.config)).resolves.toBeUndefined();
  } finally {
    await portal.removeStore(); // closing the app alone leaves its data directory
  }
  jest.restoreAllMocks();
};

describe('cli rebuild against a SQLite store an instance is serving', () => {
  it('is refused while the instance leads the projections, and runs once it has stopped', () =>
    refusedWhileServing({ EVENT_STORE: 'sqlite' }));
});

describeIt('cli rebuild against a PostgreSQL store an instance is serving', () => {
  afterAll(() => dropSchemas(TEST_DATABASE_URL, [SCHEMA, `${SCHEMA}_read`]));

  it('is refused while the instance leads the projections, and runs once it has stopped', () =>
    refusedWhileServing({ EVENT_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: SCHEMA }));
});
