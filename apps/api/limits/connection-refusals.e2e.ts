import { connect } from 'node:net';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

/** Requests Node refuses before any middleware: answered in the API's error shape, not with an empty body. */
describe('a request the HTTP parser refuses', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(() => portal.close());

  /** All the server sends back to these requests on one connection, each sent once the one before is answered, until it closes. */
  const sentBackFor = (...requests: string[]): Promise<string> =>
    new Promise((resolve, reject) => {
      const { hostname, port } = new URL(portal.url);
      const socket = connect(Number(port), hostname, () => socket.write(requests.shift()!));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => {
        chunks.push(chunk);
        if (requests.length > 0) socket.write(requests.shift()!);
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });

  /** The last answer the server sent to these bytes: its status line, content type and JSON body. */
  const answerTo = async (...requests: string[]): Promise<{ status: string; contentType: string | undefined; body: unknown }> => {
    const sent = await sentBackFor(...requests);
    const last = sent.slice(sent.lastIndexOf('HTTP/1.1 '));
    const [head, body] = last.split('\r\n\r\n');
    const [statusLine, ...headers] = head.split('\r\n');
    const contentType = headers.find((line) => /^content-type:/i.test(line))?.replace(/^content-type: */i, '');
    return { status: statusLine, contentType, body: body ? JSON.parse(body) : undefined };
  };
  const OVERSIZED = `POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'a'.repeat(20_000)}\r\n\r\n`;
  const TOO_LARGE = {
    status: 'HTTP/1.1 431 Request Header Fields Too Large',
    contentType: 'application/json; charset=utf-8',
    body: {
      errors: [
        {
          message: "The request's headers are over 16384 bytes (a token this service makes is far shorter)",
          extensions: { code: 'BAD_REQUEST', rule: 'maxHeaderBytes' },
        },
      ],
    },
  };

  it('answers headers over the limit (a token pasted with more than the token) with 431, naming the limit', async () => {
    expect(await answerTo(OVERSIZED)).toEqual(TOO_LARGE);
  });

  it('carries the security headers of every other answer, though Express never sees the request', async () => {
    for (const refused of [OVERSIZED, 'HELLO THERE\r\n\r\n']) {
      const head = (await sentBackFor(refused)).split('\r\n\r\n')[0];
      expect(head).toContain(
        "\r\nContent-Security-Policy: default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'\r\n",
      );
      expect(head).toContain('\r\nX-Frame-Options: DENY\r\n');
      expect(head).toContain('\r\nX-Content-Type-Options: nosniff\r\n');
      expect(head).toContain('\r\nReferrer-Policy: no-referrer\r\n');
    }
  });

  it('answers so on a kept-alive connection too, after the answers it gave there before', async () => {
    const alive = 'GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n';
    expect(await sentBackFor(alive, OVERSIZED)).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(await answerTo(alive, OVERSIZED)).toEqual(TOO_LARGE);
  });

  it('answers bytes that are not HTTP with 400 in the same shape, and goes on serving', async () => {
    const answer = await answerTo('HELLO THERE\r\n\r\n');
    expect(answer).toEqual({
      status: 'HTTP/1.1 400 Bad Request',
      contentType: 'application/json; charset=utf-8',
      body: { errors: [{ message: 'The request is not HTTP this service can read', extensions: { code: 'BAD_REQUEST' } }] },
    });
    const health = await fetch(new URL('/health/live', portal.url));
    expect(health.status).toBe(200);
  });
});
