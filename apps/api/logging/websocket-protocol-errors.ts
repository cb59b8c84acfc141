import type { Logger } from 'pino';
import type { WebSocket } from 'ws';

/**
 * ws emits 'error' on a socket whose client broke the protocol (a message over the size limit, an
 * unmasked frame, text that is not UTF-8) once it has closed the socket with the code that says so
 * (1009, 1002, 1007). graphql-ws's listener would then print the error's stack, a dozen lines for
 * each such socket, which anyone may open without a token. One warn line takes its place: the
 * service did nothing wrong, yet an operator wants to see a client that keeps sending such frames.
 * ws's code and message name the breach and hold nothing the client sent.
 */
export const logProtocolErrors = (webSocket: WebSocket, log: Logger): void => {
  webSocket.removeAllListeners('error');
  webSocket.on('error', (error: Error & { code?: string }) =>
    log.warn({ error: { code: error.code, message: error.message } }, 'WebSocket closed: the client broke the protocol'),
  );
};
