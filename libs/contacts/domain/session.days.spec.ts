import { sessionDays } from './session.days.js';

describe('the days of a session', () => {
  it('fall on consecutive calendar days from its date, the last one half when the count ends in a half', () => {
    expect(sessionDays('2025-03-05', 2.5)).toEqual([
      { date: '2025-03-05', days: 1 },
      { date: '2025-03-06', days: 1 },
      { date: '2025-03-07', days: 0.5 },
    ]);
    expect(sessionDays('2025-03-05', 0.5)).toEqual([{ date: '2025-03-05', days: 0.5 }]);
  });

  it('run across a month end, a year end and a leap day', () => {
    expect(sessionDays('2025-01-30', 3).map((day) => day.date)).toEqual(['2025-01-30', '2025-01-31', '2025-02-01']);
    expect(sessionDays('2024-12-31', 1.5)).toEqual([
      { date: '2024-12-31', days: 1 },
      { date: '2025-01-01', days: 0.5 },
    ]);
    expect(sessionDays('2024-02-28', 3).map((day) => day.date)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });
});
