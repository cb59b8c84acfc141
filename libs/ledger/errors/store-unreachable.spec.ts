import { GraphQLError } from 'graphql';
import { formatLedgerError } from './format-error.js';
import { isStoreUnreachable } from './store-unreachable.js';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });
/** As Apollo hands a resolver's error to the formatter: wrapped in a GraphQLError with a path. */
const answered = (error: Error) =>
  formatLedgerError(
    { message: error.message, path: ['projects'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    new GraphQLError(error.message, { path: ['projects'], originalError: error }),
  );

describe('a store that does not answer', () => {
  it('is told by the connection refused, dropped or timed out, or a server that cannot serve now', () => {
    for (const error of [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      withCode('read ECONNRESET', 'ECONNRESET'),
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('sorry, too many clients already', '53300'),
      withCode('connection failure', '08006'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('14 UNAVAILABLE: No connection established'), { type: 'unavailable' }),
    ])
      expect({ message: error.message, unreachable: isStoreUnreachable(error) }).toEqual({ message: error.message, unreachable: true });
    for (const error of [
      withCode('duplicate key value violates unique constraint', '23505'),
      withCode('relation "x" does not exist', '42P01'),
      withCode('bind message has 70000 parameter formats but 0 parameters', '08P01'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
    ])
      expect({ message: error.message, unreachable: isStoreUnreachable(error) }).toEqual({ message: error.message, unreachable: false });
  });

  it('is answered UNAVAILABLE, naming no host, where a fault of the code is INTERNAL_SERVER_ERROR', () => {
    expect(answered(withCode('connect ECONNREFUSED 10.0.0.5:5432', 'ECONNREFUSED'))).toEqual({
      message: expect.stringMatching(/^The store did not answer: send it again/),
      path: ['projects'],
      extensions: { code: 'UNAVAILABLE' },
    });
    expect(answered(withCode('relation "x" does not exist', '42P01'))).toMatchObject({ extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
