import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProjectionRunner } from '@cf/event-store';
import { answerUnavailable } from '../web/unavailable.js';

/** Where operations are sent, over HTTP and as a WebSocket's upgrade: as Express routes it, in any case, and below it. */
export const isOperationPath = (request: IncomingMessage): boolean =>
  /^\/graphql(\/.*)?$/i.test(new URL(request.url ?? '/', 'http://localhost').pathname);

export const CATCHING_UP =
  'The service is catching up with the log since it started, so its read models are behind: nothing was done; send it again shortly';

/** A leader catches up for about 3 minutes per million events before it serves. */
export const CATCHING_UP_RETRY_SECONDS = 5;

/**
 * While a leader catches up with the log after its start, an operation would be answered from
 * read models still behind (a query), or appended and then wait past its bound for them (a
 * mutation): it is refused 503 UNAVAILABLE, nothing done. The probes, metrics and pages answer
 * meanwhile, so an orchestrator sees a live instance that is not ready yet.
 */
export const refuseWhileCatchingUp =
  (runner: Pick<ProjectionRunner, 'hasCaughtUp'>) =>
  (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    if (runner.hasCaughtUp() || !isOperationPath(request)) return next();
    answerUnavailable(response, CATCHING_UP, CATCHING_UP_RETRY_SECONDS);
  };
