import { createClient } from 'graphql-ws/client';
import { PROJECT_ACTIVITY } from './documents/contact.js';

export interface Activity {
  position: string;
  stream: string;
  type: string;
  occurredAt: string;
  actor: { name: string };
  summary: string;
}

export type LiveState = 'connecting' | 'live' | 'offline';

export interface LiveHandlers {
  onActivity(activity: Activity): void;
  onState(state: LiveState): void;
  /** After a reconnect: events may have passed while the socket was down. */
  onReconnected(): void;
  /**
   * The API refused the feed for good: the token expired or was never accepted (UNAUTHENTICATED),
   * or the user is no longer a member (FORBIDDEN). It is not tried again.
   */
  onRefused(code: string | undefined, message: string): void;
}

/** graphql-ws closes a connection whose token it refused with 4403 (Forbidden): trying again cannot help. */
const REFUSED_CLOSE_CODE = 4403;
const closeCodeOf = (event: unknown): number | undefined =>
  typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number' ? event.code : undefined;

/** The answers that end the feed for good; any other error (the store unreachable a moment) is tried again. */
const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);
const RESUBSCRIBE_MS = [1_000, 2_000, 5_000, 10_000];

/**
 * Follows the project's `projectActivity` over graphql-ws on this origin's /graphql, the token
 * in connectionParams (never in the URL). Reconnects on its own, and subscribes again after a
 * passing failure (with a pause that grows); a refusal ends it. Returns the way to stop.
 */
export const followProject = (token: string, projectId: string, handlers: LiveHandlers): (() => void) => {
  let connections = 0;
  let ended = false;
  let failures = 0;
  let unsubscribe: () => void = () => undefined;
  let again: ReturnType<typeof setTimeout> | undefined;
  const refuse = (code: string | undefined, message: string): void => {
    if (ended) return;
    ended = true;
    handlers.onRefused(code, message);
  };
  const client = createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => !ended && closeCodeOf(event) !== REFUSED_CLOSE_CODE,
    on: {
      connecting: () => handlers.onState('connecting'),
      connected: () => {
        handlers.onState('live');
        if (connections++ > 0) handlers.onReconnected();
      },
      closed: (event) => {
        handlers.onState('offline');
        if (closeCodeOf(event) === REFUSED_CLOSE_CODE) refuse('UNAUTHENTICATED', 'The API did not accept the token');
      },
    },
  });
  /** The feed ended without a refusal: subscribe again, and let the page catch up on what passed meanwhile. */
  const subscribeAgainSoon = (): void => {
    if (ended) return;
    again = setTimeout(
      () => {
        subscribe();
        handlers.onReconnected();
      },
      RESUBSCRIBE_MS[Math.min(failures++, RESUBSCRIBE_MS.length - 1)],
    );
  };
  const subscribe = (): void => {
    unsubscribe = client.subscribe<{ projectActivity: Activity }>(
      { query: PROJECT_ACTIVITY, variables: { projectId } },
      {
        // The API ends a feed whose user lost access with the refusal as its last answer.
        next: ({ data, errors }) => {
          const code = errors?.[0]?.extensions?.code;
          if (errors?.length && REFUSALS.has(String(code))) refuse(String(code), errors[0].message);
          else if (data) {
            failures = 0;
            handlers.onActivity(data.projectActivity);
          }
        },
        error: () => handlers.onState('offline'),
        complete: subscribeAgainSoon,
      },
    );
  };
  subscribe();
  return () => {
    ended = true;
    clearTimeout(again);
    unsubscribe();
    void client.dispose();
  };
};
