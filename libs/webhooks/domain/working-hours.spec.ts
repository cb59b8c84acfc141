import { addWorkingHours } from './working-hours.js';
import { dayIn, instantIn, isKnownTimeZone } from './zoned-clock.js';

const office = { days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, timeZone: 'UTC', holidays: new Set<string>() };
const berlin = { ...office, timeZone: 'Europe/Berlin' };

describe('working hours', () => {
  it('counts hours within a working day', () => {
    expect(addWorkingHours('2026-03-02T10:00:00.000Z', 4, office)).toBe('2026-03-02T14:00:00.000Z'); // a Monday
  });

  it('carries what is left of a day over to the next morning', () => {
    expect(addWorkingHours('2026-03-02T15:00:00.000Z', 4, office)).toBe('2026-03-03T11:00:00.000Z');
  });

  it('starts counting when the day opens, and skips the weekend', () => {
    expect(addWorkingHours('2026-03-02T06:30:00.000Z', 8, office)).toBe('2026-03-02T17:00:00.000Z');
    expect(addWorkingHours('2026-03-06T16:00:00.000Z', 2, office)).toBe('2026-03-09T10:00:00.000Z'); // Friday to Monday
    expect(addWorkingHours('2026-03-07T12:00:00.000Z', 1, office)).toBe('2026-03-09T10:00:00.000Z'); // raised on Saturday
  });

  it('counts every hour when every hour is working time', () => {
    expect(addWorkingHours('2026-03-07T23:30:00.000Z', 1, { ...office, days: [0, 1, 2, 3, 4, 5, 6], startHour: 0, endHour: 24 })).toBe(
      '2026-03-08T00:30:00.000Z',
    );
  });

  it('skips a holiday as it skips a weekend', () => {
    const easter = { ...office, holidays: new Set(['2026-04-03', '2026-04-06']) }; // Good Friday and Easter Monday
    expect(addWorkingHours('2026-04-02T16:00:00.000Z', 2, easter)).toBe('2026-04-07T10:00:00.000Z'); // Thursday to Tuesday
    expect(addWorkingHours('2026-04-02T16:00:00.000Z', 2, office)).toBe('2026-04-03T10:00:00.000Z');
  });

  it('finds a deadline of ten years of working hours past holidays that fill a year', () => {
    const year = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    const tenYears = 520 * 5 * 8;
    expect(addWorkingHours('2026-01-01T00:00:00.000Z', tenYears, { ...office, holidays: new Set(year) }) > '2036-').toBe(true);
  });

  describe('on the clocks of a time zone', () => {
    it('opens and closes the day at its hours there (Berlin in winter is UTC+1)', () => {
      // Monday 2 March, 15:00 in Berlin: two hours left that day, two more from 9:00 on Tuesday there.
      expect(addWorkingHours('2026-03-02T14:00:00.000Z', 4, berlin)).toBe('2026-03-03T10:00:00.000Z');
    });

    it('keeps the days by the zone’s calendar: Saturday 0:30 there is still Friday night in UTC', () => {
      expect(addWorkingHours('2026-03-06T23:30:00.000Z', 1, berlin)).toBe('2026-03-09T09:00:00.000Z'); // Monday 10:00 there
    });

    it('opens at 9 there after the clocks go forward, an hour earlier in UTC', () => {
      // Friday 27 March, 16:00 in Berlin (CET): one hour that day, one on Monday 30 March from 9:00 CEST (7:00 UTC).
      expect(addWorkingHours('2026-03-27T15:00:00.000Z', 2, berlin)).toBe('2026-03-30T08:00:00.000Z');
    });

    it('opens at 9 there after the clocks go back, an hour later in UTC', () => {
      // Friday 23 October, 16:00 in Berlin (CEST): one hour that day, one on Monday 26 October from 9:00 CET (8:00 UTC).
      expect(addWorkingHours('2026-10-23T14:00:00.000Z', 2, berlin)).toBe('2026-10-26T09:00:00.000Z');
    });

    it('counts a day whose clocks change at its own hours: 0–24 on a 23-hour day is 23 hours', () => {
      const always = { ...berlin, days: [0, 1, 2, 3, 4, 5, 6], startHour: 0, endHour: 24 };
      // Sunday 29 March opens at 0:00 CET (23:00 UTC the day before) and closes at 24:00 CEST (22:00 UTC).
      expect(addWorkingHours('2026-03-28T23:00:00.000Z', 23, always)).toBe('2026-03-29T22:00:00.000Z');
    });
  });
});

describe('a zone’s clocks', () => {
  const day = Date.UTC(2026, 2, 29); // Sunday 29 March 2026: Berlin's clocks go from 2:00 to 3:00

  it('reads the calendar date there', () => {
    expect(new Date(dayIn(Date.parse('2026-03-28T23:30:00.000Z'), 'Europe/Berlin')).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(new Date(dayIn(Date.parse('2026-03-28T23:30:00.000Z'), 'America/New_York')).toISOString()).toBe('2026-03-28T00:00:00.000Z');
  });

  it('places an hour the clocks skip just after the skip, and an hour shown twice at its later showing', () => {
    expect(new Date(instantIn(day, 2.5, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 3:30 CEST
    expect(new Date(instantIn(Date.UTC(2026, 9, 25), 2.5, 'Europe/Berlin')).toISOString()).toBe('2026-10-25T01:30:00.000Z'); // 2:30 CET
  });

  it('knows the zones of the tz database and no others', () => {
    expect([isKnownTimeZone('Europe/Berlin'), isKnownTimeZone('UTC'), isKnownTimeZone('Europe/Berlinn'), isKnownTimeZone('')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
