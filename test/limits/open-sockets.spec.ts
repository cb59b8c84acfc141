import WebSocket from 'ws';
import { type Portal, startPortal } from '../harness/portal-harness.js';

/** A graphql-ws socket as a client opens it: connection_init with the token, then the server's ack or close. */
const connect = (portal: Portal, token: string) =>
  new Promise<{ socket: WebSocket; acknowledged: boolean; closed?: { code: number; reason: string } }>((resolve) => {
    const socket = new WebSocket(portal.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve({ socket, acknowledged: true });
    });
    socket.on('close', (code, reason) => resolve({ socket, acknowledged: false, closed: { code, reason: String(reason) } }));
  });

const closed = (socket: WebSocket) =>
  new Promise((resolve) => (socket.readyState === socket.CLOSED ? resolve(undefined) : socket.once('close', resolve)));

describe('graphql-ws sockets are capped per user (SOCKETS_PER_USER)', () => {
  let portal: Portal;
  beforeAll(async () => (portal = await startPortal({ env: { SOCKETS_PER_USER: '2' } })));
  afterAll(() => portal.close());

  it('refuses a third socket of one user with 4429 naming the setting, leaves other users alone, and admits one again once one closed', async () => {
    const ada = await portal.tokenFor('ada');
    const first = await connect(portal, ada);
    const second = await connect(portal, ada);
    const third = await connect(portal, ada);
    expect([first.acknowledged, second.acknowledged]).toEqual([true, true]);
    expect(third.closed).toEqual({ code: 4429, reason: 'At most 2 sockets per user (SOCKETS_PER_USER): close one first' });
    const other = await connect(portal, await portal.tokenFor('bob'));
    expect(other.acknowledged).toBe(true);
    first.socket.close();
    await closed(first.socket);
    // The server hears the close a moment after the client does.
    let again = await connect(portal, ada);
    for (let attempt = 0; !again.acknowledged && attempt < 20; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await connect(portal, ada);
    }
    expect(again.acknowledged).toBe(true);
    for (const open of [second, other, again]) open.socket.close();
  });
});
