import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { WebSocketServer } from 'ws';
import { logProtocolErrors } from '../logging/websocket-protocol-errors.js';
import { CATCHING_UP_RETRY_SECONDS, isOperationPath } from '../startup/refuse-while-catching-up.js';
import { nameTheSizeLimit } from './size-limit-close.js';

/**
 * Hands graphql-ws the HTTP server's upgrades to the operation path: another path is no socket of
 * ours, and while a leader catches up an upgrade is refused as an operation over HTTP is
 * (refuseWhileCatchingUp), with when to try again.
 */
export const acceptUpgrades = (http: Server, server: WebSocketServer, caughtUp: () => boolean, log: Logger): void => {
  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isOperationPath(request)) return void socket.destroy();
    if (!caughtUp())
      return void socket.end(
        `HTTP/1.1 503 Service Unavailable\r\nRetry-After: ${CATCHING_UP_RETRY_SECONDS}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
    server.handleUpgrade(request, socket, head, (webSocket) => {
      nameTheSizeLimit(webSocket);
      server.emit('connection', webSocket, request);
      // After graphql-ws has put its listener on the socket, which this one replaces.
      logProtocolErrors(webSocket, log);
    });
  });
};
