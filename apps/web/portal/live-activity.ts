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
}

/**
 * Follows the project's `projectActivity` over graphql-ws on this origin's /graphql, the token
 * in connectionParams (never in the URL). Reconnects on its own; returns the way to stop.
 */
export const followProject = (token: string, projectId: string, handlers: LiveHandlers): (() => void) => {
  let connections = 0;
  const client = createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    on: {
      connecting: () => handlers.onState('connecting'),
      connected: () => {
        handlers.onState('live');
        if (connections++ > 0) handlers.onReconnected();
      },
      closed: () => handlers.onState('offline'),
    },
  });
  const stop = client.subscribe<{ projectActivity: Activity }>(
    { query: PROJECT_ACTIVITY, variables: { projectId } },
    {
      next: ({ data }) => data && handlers.onActivity(data.projectActivity),
      error: () => handlers.onState('offline'),
      complete: () => undefined,
    },
  );
  return () => {
    stop();
    void client.dispose();
  };
};
