import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiProcess } from '../harness/api-process.js';
import { runBuiltCli } from '../harness/built-cli.js';

/**
 * A DATA_DIR whose events.sqlite lost its last events (an older copy restored over it) beside
 * read models that applied them: served, the audit log showed events the log no longer held, and
 * the next append took a position the read models held for another event.
 */
describe('the API on a log that lost events its read models applied', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-read-models-ahead-'));
  const env = { EVENT_STORE: 'sqlite', DATA_DIR: dataDir, AUTH_JWT_SECRET: 'read-models-ahead-secret-read-models-ahead!' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is not ready and refuses operations, saying why, until cli rebuild derives the read models from the log', async () => {
    expect((await runBuiltCli(env, 'seed')).code).toBe(0);
    const log = new Database(join(dataDir, 'events.sqlite'));
    const { head } = log.prepare('SELECT max(position) AS head FROM events').get() as { head: number };
    log.prepare('DELETE FROM events WHERE position > ?').run(head - 3);
    log.close();

    const api = await startApiProcess(env, { untilCaughtUp: false });
    try {
      let ready = await fetch(`${api.url}/health/ready`);
      // Its first pass is refused at once; the probe then names why.
      for (let tries = 0; tries < 50 && !(await ready.clone().text()).includes('ahead'); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        ready = await fetch(`${api.url}/health/ready`);
      }
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { error: { caughtUp: { message: string } } };
      expect(body.error.caughtUp.message).toMatch(
        new RegExp(
          `cannot catch up with the log: the read models are ahead of the event log \\(.* at ${head}.*; its last event is at ${head - 3}\\)`,
        ),
      );
      const operation = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(operation.status).toBe(503);
    } finally {
      await api.kill();
    }

    expect((await runBuiltCli(env, 'rebuild')).code).toBe(0);
    const rebuilt = await startApiProcess(env);
    try {
      expect((await fetch(`${rebuilt.url}/health/ready`)).status).toBe(200);
      const health = (await (await fetch(`${rebuilt.url}/health`)).json()) as { projectionLag: string; store: { headPosition: string } };
      expect(health).toMatchObject({ projectionLag: '0', store: { headPosition: String(head - 3) } });
    } finally {
      await rebuilt.kill();
    }
  }, 120_000);
});
