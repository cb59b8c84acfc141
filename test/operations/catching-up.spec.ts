import { jest } from '@jest/globals';
import { ProjectionRunner } from '@cf/event-store';
import { EventSourcing } from '@cf/ledger';
import WebSocket from 'ws';
import { startPortal } from '../harness/portal-harness.js';

const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, never> };
};

/** How a WebSocket's upgrade is answered: the HTTP status it is refused with, or 101. */
const upgradeStatus = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace('http', 'ws'), 'graphql-transport-ws');
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', reject);
  });

describe('an instance that leads the projections, while it catches up with the log after its start', () => {
  it('answers its probes, refuses operations 503 UNAVAILABLE with nothing done, and serves once caught up', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const catchUp = ProjectionRunner.prototype.catchUp;
    const slow = jest.spyOn(ProjectionRunner.prototype, 'catchUp').mockImplementation(async function (this: ProjectionRunner, onProgress) {
      await held; // millions of events to apply
      return catchUp.call(this, onProgress);
    });
    const portal = await startPortal({ servingAtOnce: false });
    const base = portal.url.replace('/graphql', '');
    try {
      const eventSourcing = portal.app.get(EventSourcing);
      expect((await get(`${base}/health/live`)).status).toBe(200);
      const ready = await get(`${base}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body.error).toMatchObject({
        caughtUp: { status: 'down', message: expect.stringContaining('catching up with the log') },
      });
      expect((await get(`${base}/health`)).body).toMatchObject({ status: 'ok', caughtUp: false });

      const head = await eventSourcing.store.headPosition();
      const token = await portal.tokenFor('ada');
      // As Express routes them: the path in any case, with a slash after.
      for (const path of ['/graphql', '/GRAPHQL', '/graphql/']) {
        const refused = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: 'mutation { openProject(input: { name: "Early", customerName: "C", budgetHours: 1 }) { project { id } } }',
          }),
        });
        expect(refused.status).toBe(503);
        expect(refused.headers.get('retry-after')).toBe('5');
        expect(await refused.json()).toEqual({
          errors: [{ message: expect.stringContaining('nothing was done'), extensions: { code: 'UNAVAILABLE' } }],
        });
      }
      expect(await upgradeStatus(portal.url)).toBe(503);
      expect(await eventSourcing.store.headPosition()).toBe(head);

      release();
      await eventSourcing.runner.whenCaughtUp();
      expect((await get(`${base}/health/ready`)).status).toBe(200);
      const opened = await portal.send('OpenProject', { input: { name: 'Caught up', customerName: 'C', budgetHours: 1 } }, token);
      expect(opened.errors).toBeUndefined();
      expect(await upgradeStatus(portal.url)).toBe(101);
    } finally {
      slow.mockRestore();
      release();
      await portal.close();
    }
  });
});
