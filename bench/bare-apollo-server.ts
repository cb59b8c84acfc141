import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import Database from 'better-sqlite3';
import express from 'express';

/*
 * The http bench's reference: what a user of this stack would write by hand to answer the
 * portal's Requests query — Apollo Server 5 on Express 5, better-sqlite3 on the same read-model
 * file, no framework, no authentication, no limits. Usage: node bare-apollo-server.js <read-models.sqlite>;
 * it prints the port it listens on.
 */

const typeDefs = `#graphql
  enum RequestChannel { DIRECT PROXY WRITTEN }
  enum RequestKind { CHANGE DEFECT FEATURE QUESTION }
  enum RequestStatus { ANSWERED OPEN RESOLVED WITHDRAWN }
  input RequestFilter { channel: RequestChannel kind: RequestKind status: RequestStatus }
  type Request { id: ID! title: String! kind: RequestKind! channel: RequestChannel! status: RequestStatus! }
  type RequestEdge { cursor: String! node: Request! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type RequestConnection { edges: [RequestEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type Query { requests(projectId: ID!, filter: RequestFilter, first: Int, after: String): RequestConnection! }
`;

type Filter = Partial<Record<'channel' | 'kind' | 'status', string>>;
interface RequestRow {
  id: string;
  title: string;
  kind: string;
  channel: string;
  status: string;
  seq: number;
}

const db = new Database(process.argv[2], { readonly: true });
const statements = new Map<string, Database.Statement>();
const prepared = (sql: string): Database.Statement => {
  if (!statements.has(sql)) statements.set(sql, db.prepare(sql));
  return statements.get(sql)!;
};

const where = (filter: Filter): { sql: string; values: string[] } => {
  const keys = (['channel', 'kind', 'status'] as const).filter((key) => filter[key]);
  return { sql: ['project_id = ?', ...keys.map((key) => `${key} = ?`)].join(' AND '), values: keys.map((key) => filter[key]!) };
};

/** As the API gives them out: the list (its project) and the row's seq, so both answer the same page. */
const cursorOf = (projectId: string, seq: number): string => Buffer.from(`requests of ${projectId}@${seq}`).toString('base64url');
const seqOf = (cursor: string): number => Number(Buffer.from(cursor, 'base64url').toString().split('@').at(-1));

const requests = (_: unknown, args: { projectId: string; filter?: Filter; first?: number; after?: string }) => {
  const first = args.first ?? 50;
  const after = args.after ? seqOf(args.after) : 0;
  const { sql, values } = where(args.filter ?? {});
  const rows = prepared(`SELECT id, title, kind, channel, status, seq FROM requests WHERE ${sql} AND seq > ? ORDER BY seq LIMIT ?`).all(
    args.projectId,
    ...values,
    after,
    first + 1,
  ) as RequestRow[];
  const edges = rows.slice(0, first).map((row) => ({ cursor: cursorOf(args.projectId, row.seq), node: row }));
  const { n } = prepared(`SELECT count(*) AS n FROM requests WHERE ${sql}`).get(args.projectId, ...values) as { n: number };
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: n };
};

const server = new ApolloServer({ typeDefs, resolvers: { Query: { requests } } });
await server.start();
const app = express();
app.use('/graphql', express.json(), expressMiddleware(server));
const listening = app.listen(0, '127.0.0.1', () => console.log((listening.address() as { port: number }).port));
