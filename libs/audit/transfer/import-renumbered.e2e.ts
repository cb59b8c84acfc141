import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCommand } from '../../../apps/cli/commands/export.command.js';
import { importCommand } from '../../../apps/cli/commands/import.command.js';
import { startPortal } from '../../../test/harness/portal-harness.js';

/** A seal holds for a copy only where its positions are the file's: an import says when they are not. */
describe('import of a file that skips positions', () => {
  it('says the positions were renumbered from where the file skips, and says nothing of the kind for a whole log', async () => {
    const logged: string[] = [];
    jest.spyOn(console, 'log').mockImplementation((line: unknown) => void logged.push(String(line)));
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const work = mkdtempSync(join(tmpdir(), 'cf-import-skips-'));
    const source = await startPortal();
    const [whole, taken] = [await startPortal(), await startPortal()];
    try {
      const maria = await source.tokenFor('maria');
      const open = (name: string) => source.ok('OpenProject', { input: { name, customerName: 'C', budgetHours: 1 } }, maria);
      const projectId: string = (await open('First')).openProject.project.id;
      await source.ok('RegisterContact', { input: { projectId, name: 'Ida', role: 'END_USER', canApproveScope: false } }, maria);
      await open('Second');
      await source.app.close();
      const file = join(work, 'log.ndjson');
      await exportCommand(source.config, { out: file });
      await Promise.all([whole.app.close(), taken.app.close()]);
      await importCommand(whole.config, file);
      expect(logged.filter((line) => line.startsWith('positions renumbered'))).toEqual([]);
      // The contact's one event taken out: its stream is gone whole, every other chain still holds.
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      writeFileSync(file, lines.filter((line) => !line.includes('"type":"ContactRegistered"')).join('\n'));
      await importCommand(taken.config, file);
      expect(logged.filter((line) => line.startsWith('positions renumbered'))).toEqual([
        expect.stringContaining('the file skips from position 1 to 3'),
      ]);
    } finally {
      jest.restoreAllMocks();
      await Promise.all([source.close(), whole.close(), taken.close()]);
      rmSync(work, { recursive: true, force: true });
    }
  });
});
