import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@cf/event-store';
import { signToken } from '@cf/ledger';
import { type ApiProcess, sendOperation as send, startApiProcess } from '../harness/api-process.js';
import type { GraphQLAnswer } from '../harness/portal-harness.js';

const SECRET = 'shutdown-secret-shutdown-secret-0123';
const REQUESTS = 120;

/** What became of a request: answered (carried out, or refused with 503), never taken, or cut off with no way to know. */
const outcomeOf = (request: Promise<GraphQLAnswer>) =>
  request.then(
    (answer) => (answer.status === 200 && answer.data ? { done: String(answer.data.openProject.project.id) } : { refused: answer.status }),
    (error: { cause?: { code?: string } }) =>
      error.cause?.code === 'ECONNREFUSED' ? { refused: 'ECONNREFUSED' } : { cut: String(error.cause) },
  );

describe('stopping the API with SIGTERM', () => {
  let dataDir: string;
  let api: ApiProcess | undefined;
  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'cf-drain-'))));
  afterAll(async () => {
    await api?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every request it took, refuses later ones with 503, and stored exactly the mutations it answered', async () => {
    api = await startApiProcess({ EVENT_STORE: 'sqlite', DATA_DIR: dataDir, AUTH_JWT_SECRET: SECRET });
    const token = await signToken(SECRET, { userId: 'maria', name: 'Maria' });
    let stopped: Promise<void> | undefined;
    const outcomes = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) =>
        outcomeOf(
          send(api!, 'OpenProject', { input: { name: `p${i}`, customerName: 'C', budgetHours: i } }, token).finally(() => {
            stopped ??= api!.kill('SIGTERM'); // at the first answer: the others are on their way or being carried out
          }),
        ),
      ),
    );
    await stopped;
    expect(api.child.exitCode).toBe(0);
    expect(outcomes.filter((o) => 'cut' in o)).toEqual([]);
    expect(
      outcomes.filter((o) => 'refused' in o).every((o) => ['ECONNREFUSED', 503].includes((o as { refused: unknown }).refused as never)),
    ).toBe(true);
    const done = outcomes.flatMap((o) => ('done' in o ? [o.done] : []));
    expect(done.length).toBeGreaterThan(0);
    const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
    try {
      const opened = (await store.readAll({ after: 0n, limit: 10_000 })).filter((e) => e.type === 'ProjectOpened');
      expect(opened.map((e) => e.data.projectId).sort()).toEqual([...done].sort());
    } finally {
      await store.close();
    }
  });

  it('refuses with 503, never cuts, the next request of keep-alive clients sending one after another', async () => {
    const keptAliveDir = mkdtempSync(join(tmpdir(), 'cf-drain-keep-alive-'));
    try {
      api = await startApiProcess({ EVENT_STORE: 'sqlite', DATA_DIR: keptAliveDir, AUTH_JWT_SECRET: SECRET }, { keepOutput: true });
      const token = await signToken(SECRET, { userId: 'maria', name: 'Maria' });
      let answered = 0;
      let stopped: Promise<void> | undefined;
      // Each client sends its next request as soon as the last is answered, on the connection it kept, until refused.
      const client = async (c: number) => {
        const outcomes: Awaited<ReturnType<typeof outcomeOf>>[] = [];
        for (let i = 0; ; i++) {
          const outcome = await outcomeOf(
            send(api!, 'OpenProject', { input: { name: `c${c}-${i}`, customerName: 'C', budgetHours: 1 } }, token),
          );
          outcomes.push(outcome);
          if (!('done' in outcome)) return outcomes;
          if (++answered === 40) stopped ??= api!.kill('SIGTERM');
        }
      };
      const outcomes = (await Promise.all(Array.from({ length: 8 }, (_, c) => client(c)))).flat();
      await stopped;
      expect(outcomes.filter((o) => 'cut' in o)).toEqual([]);
      expect(outcomes.filter((o) => 'refused' in o).length).toBe(8);
      // Each refusal is the service's own, by design at a stop: one line at warn, not error (README, Logs), so no deploy fires an alert.
      const refusals = api
        .logLines<{ level: number; res?: { statusCode: number }; err?: object }>()
        .filter((line) => line.res?.statusCode === 503);
      expect(refusals.map((line) => line.level)).toEqual(Array(8).fill(40));
      // Without a stack of the logging library's own: the line's request and answer say what happened.
      expect(refusals.map((line) => line.err)).toEqual(Array(8).fill({ message: 'failed with status code 503' }));
    } finally {
      rmSync(keptAliveDir, { recursive: true, force: true });
    }
  });
});
