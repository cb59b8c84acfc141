import { jest } from '@jest/globals';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { verifyCommand } from '../../../apps/cli/commands/verify.command.js';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

const onSqlite = process.env.EVENT_STORE !== 'postgres';
const tamperIt = onSqlite ? it : it.skip;
if (!onSqlite)
  console.log('cli verify tamper test skipped: it edits DATA_DIR/events.sqlite directly, and this run uses EVENT_STORE=postgres');

describe('cli verify', () => {
  let portal: Portal;
  let stream: string;
  beforeAll(async () => {
    portal = await startPortal();
    const token = await portal.tokenFor('maria');
    const { openProject } = await portal.ok('OpenProject', { input: { name: 'Checked', customerName: 'C', budgetHours: 10 } }, token);
    const input = { projectId: openProject.project.id, key: 'R1', title: 'Upload', text: 'Upload files', estimateHours: 4 };
    stream = `requirement-${(await portal.ok('AddRequirement', { input }, token)).addRequirement.requirement.id}`;
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await portal.close();
  });

  it('says every chain holds, counting the events and streams of the whole log', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await verifyCommand(portal.config);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^verified \d+ events in \d+ streams: every chain holds$/));
    log.mockRestore();
  });

  /** Changes the stream's first event in place with `tamper`, runs `check`, and puts the event back whatever the check found. */
  const withFirstEventChanged = async (tamper: string, value: unknown, check: (position: string) => Promise<void>): Promise<void> => {
    const db = new Database(join(portal.dataDir, 'events.sqlite'));
    const original = db.prepare('SELECT position, data FROM events WHERE stream = ? AND revision = 0').get(stream) as Record<
      string,
      unknown
    >;
    try {
      db.prepare(tamper).run(...(value === undefined ? [] : [value]), original.position);
      await check(String(original.position));
    } finally {
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(original.data, original.position);
      db.close();
    }
  };

  tamperIt('names the first broken link of a log altered in place, and changes nothing', () =>
    withFirstEventChanged(`UPDATE events SET data = json_set(data, '$.estimateHours', 40) WHERE position = ?`, undefined, (position) =>
      expect(verifyCommand(portal.config)).rejects.toThrow(
        new RegExp(
          `^the chain of ${stream} is broken at revision 1 \\(its event 1, "revision": 0 in an export and the events table, which count from 0; position ${position}, HASH_MISMATCH\\)`,
        ),
      ),
    ),
  );

  tamperIt('names the event whose data was changed into text that is not JSON', () =>
    withFirstEventChanged('UPDATE events SET data = ? WHERE position = ?', '{not json', (position) =>
      expect(verifyCommand(portal.config)).rejects.toThrow(
        `The event at position ${position} (stream ${stream}, revision 1) holds data that is not JSON`,
      ),
    ),
  );
});
