import { contactLevel, heatRows, monthsEnding } from './contact-months.js';

describe('the contact days heat map', () => {
  it('lists the months up to the last one, across a year boundary', () => {
    expect(monthsEnding('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('shades a month by the days against the target', () => {
    expect([0, 0.5, 1, 2, 3].map((days) => contactLevel(days, 2))).toEqual(['none', 'low', 'below', 'met', 'met']);
  });

  it('gives a developer a cell in every month that lists them, and none where a month does not: no target was theirs', () => {
    const jonas = { userId: 'jonas', name: 'Jonas' };
    const ada = { userId: 'ada', name: 'Ada' };
    const rows = heatRows([
      [{ developer: jonas, days: 2, target: 2 }],
      [],
      [
        { developer: ada, days: 1, target: 2 },
        { developer: jonas, days: 0, target: 2 },
      ],
    ]);
    expect(rows.map((row) => [row.name, row.cells])).toEqual([
      ['Jonas', [{ days: 2, target: 2 }, null, { days: 0, target: 2 }]],
      ['Ada', [null, null, { days: 1, target: 2 }]],
    ]);
  });
});
