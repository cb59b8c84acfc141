import pg from 'pg';
import { logPlaceProblem } from '@cf/event-store';

/** One question to a PostgreSQL database on a connection of its own. */
const withClient = async <T>(connectionString: string, ask: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    return await ask(client);
  } finally {
    await client.end().catch(() => undefined);
  }
};

/** Whether a PostgreSQL database holds a table (`to_regclass`) or a schema (`to_regnamespace`), asked without creating anything. */
export const postgresHas = (connectionString: string, lookup: 'to_regclass' | 'to_regnamespace', name: string): Promise<boolean> =>
  withClient(connectionString, async (client) => {
    const found = await client.query<{ found: string | null }>(`SELECT ${lookup}($1)::text AS found`, [name]);
    return found.rows[0].found !== null;
  });

/**
 * Why a PostgreSQL schema cannot be a store's place: its server cannot be reached, it holds another
 * log's read models and no log, or (`asTarget`) its own `<schema>_read` holds another log. Copying
 * out of such a log is how to set that right: only a target is refused it.
 */
export const whyPostgresUnusable = (connectionString: string, schema: string, asTarget: boolean): Promise<string | undefined> =>
  withClient(connectionString, async (client) => {
    const problem = await logPlaceProblem(client, schema);
    if (problem === 'readModelsOnly') return `it holds another log's read models and no log: name the log's own schema, without _read`;
    if (asTarget && problem === 'readModelsAmongALog')
      return `its read models and webhook delivery record would go to ${schema}_read, which holds another log: name another schema`;
    return undefined;
  }).catch((error: Error) => `cannot reach it: ${error.message}`);
