import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { logProtocolErrors } from './websocket-protocol-errors.js';

/** An error as ws emits it on a socket: a code, and a message naming the breach or the system call. */
const socketError = (code: string, message: string): Error => Object.assign(new Error(message), { code });

describe('errors on a WebSocket in the log', () => {
  it('warns of a client that broke the protocol, and writes a dropped connection at debug only', () => {
    const written: { level: string; fields: unknown; message: string }[] = [];
    const at = (level: string) => (fields: unknown, message: string) => void written.push({ level, fields, message });
    const log = { warn: at('warn'), debug: at('debug') } as unknown as Logger;
    const socket = new EventEmitter();
    logProtocolErrors(socket as unknown as WebSocket, log);
    socket.emit('error', socketError('WS_ERR_INVALID_UTF8', 'Invalid WebSocket frame: invalid UTF-8 sequence'));
    socket.emit('error', socketError('ECONNRESET', 'read ECONNRESET'));
    socket.emit('error', socketError('EPIPE', 'write EPIPE'));
    expect(written.map(({ level, message }) => [level, message])).toEqual([
      ['warn', 'WebSocket closed: the client broke the protocol'],
      ['debug', 'WebSocket closed: the connection was lost'],
      ['debug', 'WebSocket closed: the connection was lost'],
    ]);
    expect(written[0].fields).toEqual({
      error: { code: 'WS_ERR_INVALID_UTF8', message: 'Invalid WebSocket frame: invalid UTF-8 sequence' },
    });
  });
});
