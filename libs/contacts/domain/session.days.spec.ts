import { sessionDays, sessionDaysByMonth } from './session.days.js';

describe('the days of a session', () => {
  it('fall on consecutive calendar days from its date, the last one half when the count ends in a half', () => {
    expect(sessionDays('2025-03-05', 2.5)).toEqual([
      { date: '2025-03-05', days: 1 },
      { date: '2025-03-06', days: 1 },
      { date: '2025-03-07', days: 0.5 },
    ]);
    expect(sessionDays('2025-03-05', 0.5)).toEqual([{ date: '2025-03-05', days: 0.5 }]);
  });

  it('count each in its own month, across a year end and a leap day', () => {
    expect(sessionDaysByMonth('2025-01-30', 3)).toEqual(
      new Map([
        ['2025-01', 2],
        ['2025-02', 1],
      ]),
    );
    expect(sessionDaysByMonth('2024-12-31', 1.5)).toEqual(
      new Map([
        ['2024-12', 1],
        ['2025-01', 0.5],
      ]),
    );
    expect(sessionDaysByMonth('2024-02-28', 3)).toEqual(
      new Map([
        ['2024-02', 2],
        ['2024-03', 1],
      ]),
    );
  });
});
