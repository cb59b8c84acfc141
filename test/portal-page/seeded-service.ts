import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { signToken } from '@cf/ledger';
import { type ApiProcess, sendOperation, startApiProcess } from '../harness/api-process.js';
import { repositoryPath } from '../harness/repository-path.js';
import { type StoreUnderTest, freshStore } from '../harness/store-under-test.js';

const SECRET = 'portal-page-secret-portal-page-secret';
export const DEMO_PROJECT = '01900000-0000-7000-8000-00000000de30';

/** The built API, started as `npm start` starts it, on a store that `npm run seed` filled first. */
export interface SeededService {
  api: ApiProcess;
  /** `expiresIn` as jose takes it (`30d` unless given, `3s` for a token that runs out within a test). */
  tokenFor(userId: string, name: string, expiresIn?: string): Promise<string>;
  /** Any GraphQL document as a user; fails on errors, answers data. */
  graphql<Data = any>(query: string, variables: Record<string, unknown>, token: string): Promise<Data>;
  /** One operation of the portal's operations.graphql by name; fails on errors. */
  send<Data = any>(operation: string, variables: Record<string, unknown>, token: string): Promise<Data>;
  stop(): Promise<void>;
}

const dataOf = <Data>(answer: { data?: unknown; errors?: unknown[] }, what: string): Data => {
  if (answer.errors) throw new Error(`${what} failed: ${JSON.stringify(answer.errors)}`);
  return answer.data as Data;
};

/** `name` names the store: a lower-case SQL identifier, since on PostgreSQL it names schemas. */
export const startSeededService = async (name: string): Promise<SeededService> => {
  const store: StoreUnderTest = freshStore(name, SECRET);
  await promisify(execFile)(process.execPath, [repositoryPath('dist/apps/cli/main.js'), 'seed'], { env: { ...process.env, ...store.env } });
  const api = await startApiProcess(store.env);
  return {
    api,
    tokenFor: (userId, personName, expiresIn) => signToken(SECRET, { userId, name: personName }, expiresIn),
    graphql: async (query, variables, token) => {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return dataOf((await response.json()) as object, 'a query');
    },
    send: async (operation, variables, token) => dataOf(await sendOperation(api, operation, variables, token), operation),
    stop: async () => {
      await api.kill();
      await store.remove();
    },
  };
};
