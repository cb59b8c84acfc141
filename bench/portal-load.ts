import autocannon from 'autocannon';
import { portalOperation } from '../test/harness/portal-operations.js';

/** One portal operation, sent again and again with the same variables. */
export interface PortalCall {
  operation: string;
  variables: Record<string, unknown>;
}

/** What one load run saw: answers, how long it ran, and each answer's latency in ms. */
export interface LoadRun {
  answers: number;
  seconds: number;
  latencies: number[];
}

const CONNECTIONS = 10;

/** A good answer is JSON with data and without errors; GraphQL reports most failures with a 200. */
const isGoodAnswer = (body: string): boolean => {
  try {
    const answer = JSON.parse(body) as { data?: unknown; errors?: unknown };
    return answer.data != null && answer.errors === undefined;
  } catch {
    return false;
  }
};

/**
 * Sends `call` over CONNECTIONS connections to the API at `url` (127.0.0.1) for `seconds`.
 * Throws when any answer was not a 200 with data and no errors, so only good answers are ever
 * measured. Latencies come from each response (autocannon's summary rounds to whole ms).
 */
export const loadRun = (url: string, token: string, call: PortalCall, seconds: number): Promise<LoadRun> =>
  new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let firstBadAnswer: string | undefined;
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        connections: CONNECTIONS,
        duration: seconds,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: portalOperation(call.operation), variables: call.variables }),
        verifyBody: (body) => {
          const text = body?.toString() ?? '';
          if (isGoodAnswer(text)) return true;
          firstBadAnswer ??= text;
          return false;
        },
      },
      (error, result) => {
        if (error) return reject(error);
        const bad = result.non2xx + result.errors + result.mismatches;
        if (bad > 0) {
          return reject(
            new Error(
              `${call.operation}: ${bad} bad answers of ${result.requests.total} (non-2xx ${result.non2xx}, ` +
                `connection errors ${result.errors}, GraphQL errors ${result.mismatches}); first: ${firstBadAnswer?.slice(0, 500)}`,
            ),
          );
        }
        resolve({ answers: latencies.length, seconds: result.duration, latencies });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
