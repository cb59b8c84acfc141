import { connect } from 'node:net';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

/** Requests Node refuses before any middleware: answered in the API's error shape, not with an empty body. */
describe('a request the HTTP parser refuses', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(() => portal.close());

  /** What the server answers to these bytes, read until it closes the connection. */
  const answerTo = (request: string): Promise<{ status: string; contentType: string | undefined; body: unknown }> =>
    new Promise((resolve, reject) => {
      const { hostname, port } = new URL(portal.url);
      const socket = connect(Number(port), hostname, () => socket.write(request));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        const [head, body] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');
        const [statusLine, ...headers] = head.split('\r\n');
        const contentType = headers.find((line) => /^content-type:/i.test(line))?.replace(/^content-type: */i, '');
        resolve({ status: statusLine, contentType, body: body ? JSON.parse(body) : undefined });
      });
    });

  it('answers headers over the limit (a token pasted with more than the token) with 431, naming the limit', async () => {
    const answer = await answerTo(`POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toEqual({
      status: 'HTTP/1.1 431 Request Header Fields Too Large',
      contentType: 'application/json; charset=utf-8',
      body: {
        errors: [
          {
            message: "The request's headers are over 16384 bytes: a bearer token that long is none this service makes",
            extensions: { code: 'BAD_REQUEST', rule: 'maxHeaderBytes' },
          },
        ],
      },
    });
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
