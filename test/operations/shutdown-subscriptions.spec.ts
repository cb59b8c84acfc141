import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { signToken } from '@cf/ledger';
import { type ApiProcess, sendOperation, startApiProcess } from '../harness/api-process.js';

const SECRET = 'shutdown-subscriptions-secret-0123456789';

/**
 * A subscriber when the API stops: it must be able to tell a stop from a crash (a socket cut with
 * no close frame, 1006), so it reconnects to another instance instead of reporting a failure.
 */
describe('stopping the API with SIGTERM while a subscription is open', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-stop-subscriptions-'));
  let api: ApiProcess | undefined;
  afterAll(async () => {
    await api?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("ends it with graphql-ws's Going Away (1001), not a cut socket", async () => {
    api = await startApiProcess({ EVENT_STORE: 'sqlite', DATA_DIR: dataDir, AUTH_JWT_SECRET: SECRET });
    const token = await signToken(SECRET, { userId: 'maria', name: 'Maria' });
    const opened = await sendOperation(api, 'OpenProject', { input: { name: 'Watched', customerName: 'C', budgetHours: 1 } }, token);
    const projectId = String(opened.data!.openProject.project.id);

    const socket = new WebSocket(api.url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
    const messages: string[] = [];
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const acknowledged = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        messages.push(JSON.parse(String(data)).type);
        if (messages.at(-1) === 'connection_ack') resolve();
      }),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    await acknowledged;
    const query = 'subscription($p: ID!) { projectActivity(projectId: $p) { type } }';
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { p: projectId } } }));
    // Open once it tells of an event: a contact registered in the project.
    const told = new Promise<void>((resolve) => socket.on('message', (data) => JSON.parse(String(data)).type === 'next' && resolve()));
    // A contact registered until one is told (the subscription may take a moment to start on a loaded machine).
    let heard = false;
    void told.then(() => (heard = true));
    for (let tries = 0; !heard && tries < 20; tries++) {
      const contact = { projectId, name: `Erik ${tries}`, role: 'END_USER', canApproveScope: false };
      expect((await sendOperation(api, 'RegisterContact', { input: contact }, token)).errors).toBeUndefined();
      await Promise.race([told, new Promise((resolve) => setTimeout(resolve, 500))]);
    }
    expect(heard).toBe(true);

    await api.kill('SIGTERM');
    expect(await closed).toBe(1001);
    expect(messages[0]).toBe('connection_ack');
    expect(messages).toContain('next');
    expect(api.child.exitCode).toBe(0);
  }, 60_000);
});
