import { pino } from 'pino';
import { DidNotAnswer } from './answered-within.js';
import { publicStoreFailure } from './store-failure.js';

const capturedLog = () => {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, lines };
};

describe('publicStoreFailure', () => {
  it("answers the error's code and logs the driver's message, which names the host and user", () => {
    const { log, lines } = capturedLog();
    const driver = Object.assign(new Error('password authentication failed for user "ledger" at db.internal:5432'), { code: '28P01' });
    const answer = publicStoreFailure(driver, log, '/health');
    expect(answer.message).toBe('the store failed to answer (28P01); its message is in the operations log');
    expect(lines).toEqual([expect.objectContaining({ route: '/health', err: driver.message })]);
  });

  it('names no code that is not one (a code is a short upper-case word)', () => {
    const { log } = capturedLog();
    const odd = Object.assign(new Error('x'), { code: 'connect to db.internal failed' });
    expect(publicStoreFailure(odd, log, '/health').message).toBe('the store failed to answer; its message is in the operations log');
    expect(publicStoreFailure('plain text', log, '/health').message).toBe(
      'the store failed to answer; its message is in the operations log',
    );
  });

  it('writes the same failure once a minute, not at every probe, and a new one at once', () => {
    const { log, lines } = capturedLog();
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432'), { code: 'ECONNREFUSED' });
    const start = 1_000_000;
    for (const after of [0, 5_000, 10_000]) publicStoreFailure(refused, log, '/health/ready', start + after);
    expect(lines).toHaveLength(1);
    publicStoreFailure(new Error('password authentication failed'), log, '/health/ready', start + 15_000);
    publicStoreFailure(refused, log, '/health/ready', start + 60_000);
    expect(lines.map((line) => line.err)).toEqual([refused.message, 'password authentication failed', refused.message]);
  });

  it('shows our own timeout as it is, and logs nothing for it', () => {
    const { log, lines } = capturedLog();
    const late = new DidNotAnswer('the store did not answer within 2000 ms');
    expect(publicStoreFailure(late, log, '/health')).toBe(late);
    expect(lines).toEqual([]);
  });
});
