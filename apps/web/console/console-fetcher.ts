import { type Fetcher, createGraphiQLFetcher } from '@graphiql/toolkit';
import { type Client, createClient } from 'graphql-ws/client';

export interface ConsoleFetcher {
  fetcher: Fetcher;
  close(): void;
}

/**
 * What GraphiQL sends with: queries and mutations over HTTP with the bearer token in the
 * Authorization header, subscriptions over graphql-ws on the same /graphql with the token in
 * connectionParams, as the API expects. A header typed in GraphiQL's headers editor wins.
 */
export const consoleFetcher = (token: string): ConsoleFetcher => {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const wsClient: Client | undefined = token
    ? createClient({
        url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
        connectionParams: headers,
        lazy: true,
      })
    : undefined;
  return {
    fetcher: createGraphiQLFetcher({ url: '/graphql', headers, wsClient }),
    close: () => void wsClient?.dispose(),
  };
};
