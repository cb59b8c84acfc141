import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuiltCli } from '../harness/built-cli.js';

/** An events.sqlite that is no SQLite database (overwritten, another program's): every command that reads the log names it as the API does. */
describe('npm run cli on a DATA_DIR whose events.sqlite is not a SQLite database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-damaged-log-'));
  const env = { EVENT_STORE: 'sqlite', DATA_DIR: dataDir, AUTH_JWT_SECRET: 'damaged-log-secret-damaged-log-secret!' };
  beforeAll(() => writeFileSync(join(dataDir, 'events.sqlite'), 'garbage!garbage!garbage!garbage!garbage!'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([['verify'], ['export'], ['rebuild']])(
    '%s: one line naming the file, as the API says it, and nothing made beside it',
    async (command) => {
      expect(await runBuiltCli(env, command)).toEqual({
        code: 1,
        lines: [
          'Invalid configuration: DATA_DIR holds an events.sqlite that is not a SQLite database: name the directory of the log; nothing was written',
        ],
      });
      expect(readdirSync(dataDir)).toEqual(['events.sqlite']);
    },
    30_000,
  );
});
