import { spawn } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { portalOperation } from '../test/harness/portal-operations.js';
import type { PortalCall } from './portal-load.js';

/** The hand-written Apollo Server of bare-apollo-server.ts, as a process of its own like the API. */
export interface BareApollo {
  url: string;
  kill(): Promise<void>;
}

const SERVER = new URL('./bare-apollo-server.js', import.meta.url); // both run from dist/bench

export const startBareApollo = (readModelsFile: string): Promise<BareApollo> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER.pathname, readModelsFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => reject(new Error(`the bare Apollo server exited at start (${code}): ${stderr}`)));
    child.stdout.once('data', (port) =>
      resolve({
        url: `http://127.0.0.1:${String(port).trim()}`,
        kill: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill();
          }),
      }),
    );
  });

/** The data of a good answer; anything else is the answer itself, to show. */
const answerOf = async (url: string, token: string, call: PortalCall): Promise<unknown> => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: portalOperation(call.operation), variables: call.variables }),
  });
  const answer = (await response.json()) as { data?: unknown; errors?: unknown };
  return answer.errors === undefined && answer.data ? answer.data : answer;
};

/** A throughput compared with the reference is only fair when both answer the very same JSON. */
export const expectSameAnswer = async (ours: string, reference: string, token: string, call: PortalCall): Promise<void> => {
  const [mine, theirs] = await Promise.all([answerOf(ours, token, call), answerOf(reference, token, call)]);
  if (!isDeepStrictEqual(mine, theirs)) {
    throw new Error(
      `the bare Apollo server answers ${call.operation} differently: ${JSON.stringify(theirs).slice(0, 300)} against ${JSON.stringify(mine).slice(0, 300)}`,
    );
  }
};
