import { breachesOf } from './fuzz-checks.js';

const answerOf = (data: unknown) => {
  const json = { data };
  return { status: 200, text: JSON.stringify(json), json };
};

describe('the fuzz checks', () => {
  it('take a hostile value an earlier request stored, shown again, for an echo, not a leak', () => {
    const answer = answerOf({ suspectLinks: [{ reason: 'The request was withdrawn: 1; SELECT * FROM sqlite_master' }] });
    expect(breachesOf(answer, '{"query":"query CommitmentStanding"}', 5n, 5n)).toEqual([]);
  });

  it('still find what the server adds of its own beside such an echo', () => {
    const answer = answerOf({ reason: '1; SELECT * FROM sqlite_master', message: 'SqliteError: no such table' });
    expect(breachesOf(answer, '{"query":"query CommitmentStanding"}', 5n, 5n)).toEqual([expect.stringContaining('leaks /sqlite/i')]);
  });
});
