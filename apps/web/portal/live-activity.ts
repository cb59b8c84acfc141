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

/** graphql-ws closes a connection whose token it refused with 4403 (Forbidden) or 4401: trying again cannot help. */
const REFUSED_CLOSE_CODES = new Set([4401, 4403]);
const closeCodeOf = (event: unknown): number | undefined =>
  typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number' ? event.code : undefined;

/**
 * Follows the project's `projectActivity` over graphql-ws on this origin's /graphql, the token
 * in connectionParams (never in the URL). Reconnects on its own; returns the way to stop.
 */
export const followProject = (token: string, projectId: string, handlers: LiveHandlers): (() => void) => {
  let connections = 0;
  let refused = false;
  const refuse = (code: string | undefined, message: string): void => {
    if (refused) return;
    refused = true;
    handlers.onRefused(code, message);
  };
  const client = createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => !refused && !REFUSED_CLOSE_CODES.has(closeCodeOf(event) ?? 0),
    on: {
      connecting: () => handlers.onState('connecting'),
      connected: () => {
        handlers.onState('live');
        if (connections++ > 0) handlers.onReconnected();
      },
      closed: (event) => {
        handlers.onState('offline');
        if (REFUSED_CLOSE_CODES.has(closeCodeOf(event) ?? 0)) refuse('UNAUTHENTICATED', 'The API did not accept the token');
      },
    },
  });
  const stop = client.subscribe<{ projectActivity: Activity }>(
    { query: PROJECT_ACTIVITY, variables: { projectId } },
    {
      // The API ends a feed whose user lost access with the refusal as its last answer.
      next: ({ data, errors }) => {
        if (errors?.length) refuse(errors[0].extensions?.code as string | undefined, errors[0].message);
        else if (data) handlers.onActivity(data.projectActivity);
      },
      error: () => handlers.onState('offline'),
      complete: () => undefined,
    },
  );
  return () => {
    stop();
    void client.dispose();
  };
};
