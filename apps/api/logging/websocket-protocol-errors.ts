import type { Logger } from 'pino';
import type { WebSocket } from 'ws';

/**
 * ws's receiver names each breach with a code of this form (WS_ERR_INVALID_UTF8,
 * WS_ERR_UNSUPPORTED_MESSAGE_LENGTH, WS_ERR_EXPECTED_MASK…); any other error on a socket comes from
 * writing to it (EPIPE, ECONNRESET): the client went away.
 */
const isProtocolBreach = (error: { code?: unknown }): boolean => typeof error.code === 'string' && error.code.startsWith('WS_ERR_');

/**
 * ws emits 'error' on a socket whose client broke the protocol (a message over the size limit, an
 * unmasked frame, text that is not UTF-8) once it has closed the socket with the code that says so
 * (1009, 1002, 1007). graphql-ws's listener would then print the error's stack, a dozen lines for
 * each such socket, which anyone may open without a token. One warn line takes its place: the
 * service did nothing wrong, yet an operator wants to see a client that keeps sending such frames.
 * ws's code and message name the breach and hold nothing the client sent.
 * A client that drops its connection (a closed laptop, a train in a tunnel) is no breach and asks
 * nothing of an operator, so it is written at debug only: there when one chases a connection
 * problem, silent at the levels a service runs at.
 */
export const logProtocolErrors = (webSocket: WebSocket, log: Logger): void => {
  webSocket.removeAllListeners('error');
  webSocket.on('error', (error: Error & { code?: string }) => {
    const fields = { error: { code: error.code, message: error.message } };
    if (isProtocolBreach(error)) log.warn(fields, 'WebSocket closed: the client broke the protocol');
    else log.debug(fields, 'WebSocket closed: the connection was lost');
  });
};
