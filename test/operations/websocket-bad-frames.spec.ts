import { connect } from 'node:net';
import WebSocket from 'ws';
import { type ApiProcess, startApiProcess } from '../harness/api-process.js';
import { type StoreUnderTest, freshStore } from '../harness/store-under-test.js';

/** Sends one message over the message size limit on a socket that never authenticated; answers the close code. */
const oversizedMessage = (url: string): Promise<number> =>
  new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('open', () => socket.send('x'.repeat(1_100_000)));
    socket.on('error', () => undefined);
    socket.on('close', (code) => resolve(code));
  });

/** Opens a WebSocket by hand and sends an unmasked frame, which a client must never send; answers the close code. */
const unmaskedFrame = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    socket.on('connect', () =>
      socket.write(
        'GET /graphql HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n',
      ),
    );
    socket.on('data', (chunk: Buffer) => {
      const upgraded = received.length === 0;
      received = Buffer.concat([received, chunk]);
      if (upgraded) socket.write(Buffer.from([0x81, 0x02, 0x68, 0x69])); // text "hi", no mask
    });
    socket.on('error', reject);
    socket.on('close', () => {
      // The server's close frame follows its 101 answer: 0x88, a length, then the code.
      const frame = received.subarray(received.indexOf('\r\n\r\n') + 4);
      resolve(frame[0] === 0x88 ? frame.readUInt16BE(2) : -1);
    });
  });

/** Frames that break the protocol, from anyone: the socket is closed, and the service log keeps one line, no stack. */
describe('WebSocket frames that break the protocol', () => {
  let store: StoreUnderTest;
  let api: ApiProcess;
  beforeAll(async () => {
    store = freshStore('bad_frames', 'bad-frames-secret-bad-frames-secret-01');
    api = await startApiProcess({ ...store.env, LOG_LEVEL: 'trace' }, { keepOutput: true });
  });
  afterAll(async () => {
    await api?.kill();
    await store?.remove();
  });

  const warnings = (): { level: number; msg: string; error?: { code?: string } }[] =>
    api.logLines<{ level: number; msg: string }>().filter((line) => line.level === 40 && line.msg.startsWith('WebSocket closed'));

  const untilWarnings = async (count: number): Promise<void> => {
    const deadline = Date.now() + 3_000;
    while (warnings().length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  it('closes a socket on a message over 1 MiB (1009) and on an unmasked frame (1002), writing one warn line each and no stack trace', async () => {
    expect(await oversizedMessage(api.url)).toBe(1009);
    expect(await unmaskedFrame(api.url)).toBe(1002);
    await untilWarnings(2);
    const everything = `${api.output()}\n${api.errorOutput()}`.split('\n');
    expect(everything.filter((line) => /^\s+at |Please check your implementation/.test(line))).toEqual([]);
    expect(warnings().map((line) => line.error?.code)).toEqual(['WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', 'WS_ERR_EXPECTED_MASK']);
    // Every line of stdout is one JSON object: the log stays machine-readable.
    for (const line of api.output().split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
  });
});
