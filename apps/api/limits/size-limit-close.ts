import type { WebSocket } from 'ws';
import { OPERATION_LIMITS } from './limit-refusal.js';

/** What a socket closed for a message over maxBytes says, as HTTP's 413 says it (at most 123 bytes, a close reason's limit). */
export const OVER_MAX_BYTES = `A message is over ${OPERATION_LIMITS.maxBytes} bytes (maxBytes)`;

/**
 * ws closes a socket whose message is over its maxPayload with 1009 and no reason, and offers no
 * option for one: its close is given the reason that names the limit, as every other refusal does.
 */
export const nameTheSizeLimit = (webSocket: WebSocket): void => {
  const close = webSocket.close.bind(webSocket);
  webSocket.close = (code?: number, reason?: string | Buffer) => close(code, code === 1009 && !reason ? OVER_MAX_BYTES : reason);
};
