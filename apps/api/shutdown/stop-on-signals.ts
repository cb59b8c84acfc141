import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { answerUnavailable } from '../web/unavailable.js';
import { answerLeftAtDrainEnd } from './left-at-drain-end.js';

/** How long requests in flight at a stop may take to be answered; what is left then is answered as left (answerLeftAtDrainEnd). */
export const DRAIN_MS = 10_000;

/** How long the modules may take to shut down after the drain before the process exits anyway. */
const CLOSE_MS = 15_000;

/** How often the drain looks again whether it is done. */
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
 * The first middleware after the request log: once the service is stopping, a request that
 * arrives is answered 503 at once and its connection closed — its sender knows it was not carried
 * out and may send it elsewhere — instead of being cut with the listening socket later.
 */
export const refuseWhileStopping = (_request: IncomingMessage, response: ServerResponse, next: () => void): void => {
  if (!stopping) return next();
  answerUnavailable(response, 'The service is stopping: nothing was done; send it again', 1, { connection: 'close' });
};

/** The requests being carried out (those refused while stopping are not), counted from the start. */
class RequestsInFlight {
  readonly answering = new Set<ServerResponse>();
  lastCame = 0;

  constructor(server: Server) {
    server.on('request', (_request, response: ServerResponse) => {
      this.lastCame = Date.now();
      if (stopping) return;
      this.answering.add(response);
      response.once('close', () => this.answering.delete(response));
    });
  }

  /** Their answers close their connections: a keep-alive client sends its next request elsewhere. */
  lastOnTheirConnections(): void {
    for (const response of this.answering) if (!response.headersSent) response.setHeader('connection', 'close');
  }
}

/**
 * Answers what was taken and refuses what comes, until nothing is being answered and nothing has
 * come for QUIET_MS. Idle keep-alive connections stay open meanwhile: closing one races the
 * request its client may be sending on it, which would be cut (ECONNRESET) instead of refused;
 * left open, that request is answered 503 and its connection closed with the answer.
 */
const drain = async (server: Server, requests: RequestsInFlight, endSubscriptions: () => Promise<void>): Promise<void> => {
  requests.lastOnTheirConnections();
  const started = Date.now();
  const deadline = started + DRAIN_MS;
  while ((requests.answering.size > 0 || Date.now() - Math.max(requests.lastCame, started) < QUIET_MS) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, SWEEP_MS));
  }
  const left = [...requests.answering];
  for (const response of left) answerLeftAtDrainEnd(response, DRAIN_MS);
  // Their answers leave before the connections close (a second at most: a client that reads none is cut).
  await Promise.race([
    Promise.all(
      left.map((response) =>
        response.writableFinished ? Promise.resolve() : new Promise<void>((done) => response.once('finish', () => done())),
      ),
    ),
    new Promise((resolve) => setTimeout(resolve, 1_000)),
  ]);
  await endSubscriptions();
  server.close();
  server.closeAllConnections();
};

/**
 * Stops the service on SIGTERM or SIGINT without cutting anyone off: every HTTP request taken
 * before the signal is answered (a client whose socket is cut cannot tell whether its mutation
 * was stored), later ones are refused with 503 (on a kept-alive connection too, which closes with
 * that answer); only once none has come for QUIET_MS do subscriptions end (Going Away), the server stop listening and the modules shut down.
 * Nest's own signal handling would stop GraphQL first, ending sockets whose requests had not
 * been read yet. Registered before the service starts: a signal while it starts closes it too.
 */
export const stopOnSignals = (app: INestApplication, log: Logger, endSubscriptions: () => Promise<void>): void => {
  const server = app.getHttpServer() as Server;
  const requests = new RequestsInFlight(server);
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      log.error(`not stopped within ${(DRAIN_MS + CLOSE_MS) / 1000} s: exiting anyway`);
      process.exit(1);
    }, DRAIN_MS + CLOSE_MS).unref();
    try {
      log.info(`${signal}: answering the ${requests.answering.size} requests in flight, then stopping`);
      if (server.listening) await drain(server, requests, endSubscriptions);
      await app.close();
      log.info('stopped');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'stopping failed');
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (received) => void stop(received));
};
