import './workers.js';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { buildSchema } from 'graphql';
import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { bareToken } from '../bearer-token.js';
import schemaText from '../../api/schema.graphql';
import { consoleFetcher } from './console-fetcher.js';

/**
 * The schema for the explorer and autocomplete, taken by the build from apps/api/schema.graphql
 * (a test holds it equal to what the code generates). Taken with the page rather than asked
 * of the API, so the explorer works where introspection is turned off, as in production.
 */
const SCHEMA = buildSchema(schemaText);

/**
 * Kept for this tab only, as the portal keeps its own: a bearer token left in localStorage would
 * outlive the session on a shared machine and be readable by any script of this origin later.
 */
const TOKEN_KEY = 'ledger-token';

// Earlier consoles kept the token in localStorage: it is not read from there, and goes.
localStorage.removeItem(TOKEN_KEY);

const FIRST_QUERY = `# Paste your token above (npm start and npm run seed print one), then run this.
query Projects {
  projects(first: 10) { edges { node { id name customerName } } }
}
`;

const TokenBar = ({ token, onToken }: { token: string; onToken(token: string): void }) => (
  <form className="token-bar" onSubmit={(event) => event.preventDefault()}>
    <label htmlFor="token">Bearer token</label>
    <input
      id="token"
      type="password"
      autoComplete="off"
      defaultValue={token}
      placeholder="eyJhbGciOi… or Authorization: Bearer eyJhbGciOi…"
      aria-describedby="token-state"
      onChange={(event) => onToken(bareToken(event.target.value))}
    />
    <span id="token-state" role="status">
      {token ? 'Sent as Authorization: Bearer …' : 'No token yet: the API answers UNAUTHENTICATED'}
    </span>
    <a href="/portal">Team portal</a>
  </form>
);

const Console = () => {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const connection = useMemo(() => consoleFetcher(token), [token]);
  useEffect(() => () => connection.close(), [connection]);
  const keep = (next: string) => {
    sessionStorage.setItem(TOKEN_KEY, next);
    setToken(next);
  };
  return (
    <>
      <TokenBar token={token} onToken={keep} />
      <main className="console">
        <GraphiQL fetcher={connection.fetcher} schema={SCHEMA} defaultQuery={FIRST_QUERY} />
      </main>
    </>
  );
};

const root = document.getElementById('root');
if (!root) throw new Error('the page has no element #root');
createRoot(root).render(<Console />);
