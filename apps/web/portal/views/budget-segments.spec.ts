import { budgetSegments } from './budget-segments.js';

// The worked example of DESIGN §4 after C3: budget 100, baseline 70, C1 40 h on R1,
// C2 20 h and C3 16 h outside requirements, no overrun.
const worked = {
  budgetHours: 100,
  baselineHours: 70,
  reserveHours: 30,
  remainingReserveHours: -6,
  promisedBaselineHours: 40,
  overrunHours: 0,
  outsideRequirementsHours: 36,
  exposureHours: 106,
};

describe('the budget bar', () => {
  it('splits the baseline into promised and not yet promised, and shows no reserve once it is overdrawn', () => {
    const hours = Object.fromEntries(budgetSegments(worked).map((s) => [s.key, s.hours]));
    expect(hours).toEqual({ promised: 40, unpromised: 30, outside: 36, overrun: 0, reserve: 0 });
  });

  it('counts the overrun once: on top of the baseline, not inside it', () => {
    // 50 h committed on a 40 h requirement: 40 h of the baseline promised, 10 h of overrun.
    const overrun = {
      ...worked,
      promisedBaselineHours: 40,
      overrunHours: 10,
      outsideRequirementsHours: 0,
      exposureHours: 80,
      remainingReserveHours: 20,
    };
    const segments = budgetSegments(overrun);
    expect(segments.map((s) => s.hours)).toEqual([40, 30, 0, 10, 20]);
    expect(segments.reduce((sum, s) => sum + s.hours, 0)).toBe(100);
  });
});
