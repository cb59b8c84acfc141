import { CountsPerUser } from './counts-per-user.js';

describe('CountsPerUser', () => {
  it('counts up and down per user, never below none', () => {
    const counts = new CountsPerUser();
    counts.add('ada');
    counts.add('ada');
    counts.add('bob');
    expect([counts.of('ada'), counts.of('bob'), counts.of('eve')]).toEqual([2, 1, 0]);
    counts.remove('ada');
    counts.remove('bob');
    counts.remove('bob');
    expect([counts.of('ada'), counts.of('bob')]).toEqual([1, 0]);
    counts.add('bob');
    expect(counts.of('bob')).toBe(1);
  });
});
