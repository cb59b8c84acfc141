import { timeTaken } from './figures.js';

describe('a time taken as the page writes it', () => {
  it('is in hours from an hour on, in minutes below, and never 0 for a wait that lasted', () => {
    expect([26.5, 1, 0.99, 0.5, 1 / 60, 0.004, 0].map(timeTaken)).toEqual([
      '26.5 h',
      '1 h',
      '59 min',
      '30 min',
      '1 min',
      'under 1 min',
      '0 min',
    ]);
  });
});
