import { type Server, maxHeaderSize } from 'node:http';
import type { Duplex } from 'node:stream';
import { refusedBeforeGraphql } from './body-refusals.js';
import { EVERY_ANSWER_HEADERS } from '../web/security-headers.js';

/** Node's refusals of a request it could not read as HTTP, by its parser's code (the rest are 400). */
const REFUSALS: Record<string, { status: string; message: string; rule?: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: '431 Request Header Fields Too Large',
    // Node's limit, for the whole process (--max-http-header-size).
    message: `The request's headers are over ${maxHeaderSize} bytes (a token this service makes is far shorter)`,
    rule: 'maxHeaderBytes',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: '413 Payload Too Large', message: "The request body's chunk extensions are too long" },
  ERR_HTTP_REQUEST_TIMEOUT: { status: '408 Request Timeout', message: 'The request did not arrive whole in time' },
};
const UNREADABLE = { status: '400 Bad Request', message: 'The request is not HTTP this service can read' };
/** Sent before Express sees the request, so its middleware cannot add them: every answer carries them. */
const SECURITY_HEADER_LINES = Object.entries(EVERY_ANSWER_HEADERS)
  .map(([name, value]) => `${name}: ${value}\r\n`)
  .join('');

/**
 * A request Node refuses before any middleware sees it (headers over its limit, most often a
 * bearer token pasted with more than the token) is answered with the status Node would send and
 * in the shape of every other refusal of the API, `{ errors: [{ message, extensions: { code } }] }`,
 * instead of Node's empty body; then the connection is closed, as Node closes it.
 */
export const answerConnectionRefusals = (server: Server): void => {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & { _httpMessage?: { headersSent: boolean } }) => {
    // A connection reset, or one whose answer in flight has begun (Node's own test: a second answer
    // would corrupt it), is only closed; a kept-alive one whose earlier answers are done is answered.
    if (error.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) return void socket.destroy();
    const { status, message, rule } = REFUSALS[error.code ?? ''] ?? UNREADABLE;
    const body = JSON.stringify(refusedBeforeGraphql(message, rule));
    // Closed once the answer is sent, whether or not the client closes its side.
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\n${SECURITY_HEADER_LINES}` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      () => socket.destroy(),
    );
  });
};
