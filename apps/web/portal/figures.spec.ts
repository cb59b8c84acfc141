import { hours, timeTaken } from './figures.js';

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

describe('hours as the page writes them', () => {
  it('keeps the two decimals the API keeps, with a minus sign below zero', () => {
    expect([7.25, 452.25, -52.25, 40, 0.5].map(hours)).toEqual(['7.25 h', '452.25 h', '−52.25 h', '40 h', '0.5 h']);
  });
});
