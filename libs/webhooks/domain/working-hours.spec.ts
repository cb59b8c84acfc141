import { addWorkingHours } from './working-hours.js';

const office = { days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 };

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
    expect(addWorkingHours('2026-03-07T23:30:00.000Z', 1, { days: [0, 1, 2, 3, 4, 5, 6], startHour: 0, endHour: 24 })).toBe(
      '2026-03-08T00:30:00.000Z',
    );
  });
});
