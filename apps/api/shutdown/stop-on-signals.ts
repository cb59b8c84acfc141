import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';

/** How long requests in flight at a stop may take to be answered; what is left then is cut. */
export const DRAIN_MS = 10_000;

/** How often the drain looks again, closing the connections that went idle (a keep-alive client would send on them). */
const SWEEP_MS = 25;

/**
 * How long no request may have come before the server stops listening: connections the kernel
 * took but the process had not accepted yet would be reset with the listening socket; in this
 * time they are accepted, and their requests refused with 503.
 */
const QUIET_MS = 200;

/** Whether this process is stopping: set once by a signal, for the whole process. */
let stopping = false;

/**
 * The first middleware: once the service is stopping, a request that arrives is answered 503 at
 * once and its connection closed — its sender knows it was not carried out and may send it
 * elsewhere — instead of being cut with the listening socket later.
 */
export const refuseWhileStopping = (_request: IncomingMessage, response: ServerResponse, next: () => void): void => {
  if (!stopping) return next();
  response.writeHead(503, { 'content-type': 'application/json', connection: 'close', 'retry-after': '1' });
  response.end(
    JSON.stringify({
      errors: [{ message: 'The service is stopping: nothing was done; send it again', extensions: { code: 'UNAVAILABLE' } }],
    }),
  );
};

/** The requests being carried out (those refused while stopping are not) and when the last one came, counted from now on. */
const requestsInFlight = (server: Server): { answering: () => number; lastCame: () => number } => {
  let answering = 0;
  let lastCame = 0;
  server.on('request', (_request, response: ServerResponse) => {
    lastCame = Date.now();
    if (stopping) return;
    answering += 1;
    response.once('close', () => (answering -= 1));
  });
  return { answering: () => answering, lastCame: () => lastCame };
};

/**
 * Stops the service on SIGTERM or SIGINT without cutting anyone off: every request taken before
 * the signal is answered (a client whose socket is cut cannot tell whether its mutation was
 * stored), later ones are refused with 503, idle connections are closed as they fall idle; only
 * then does the server stop listening and the modules shut down. Nest's own signal handling
 * would stop GraphQL first, ending sockets whose requests had not been read yet.
 */
export const stopOnSignals = (app: INestApplication, log: Logger): void => {
  const server = app.getHttpServer() as Server;
  const { answering, lastCame } = requestsInFlight(server);
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: answering the ${answering()} requests in flight, then stopping`);
    const deadline = Date.now() + DRAIN_MS;
    const quietSince = Date.now();
    while ((answering() > 0 || Date.now() - Math.max(lastCame(), quietSince) < QUIET_MS) && Date.now() < deadline) {
      server.closeIdleConnections();
      await new Promise((resolve) => setTimeout(resolve, SWEEP_MS));
    }
    server.close();
    server.closeAllConnections();
    await app.close();
    log.info('stopped');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (received) => void stop(received));
};
