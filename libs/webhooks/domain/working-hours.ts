import { HOUR, dayIn, instantIn } from './zoned-clock.js';

/** When the team answers: weekdays (0 Sunday … 6 Saturday) and hours of the day, on the clocks of an IANA time zone. */
export interface WorkingWeek {
  readonly days: readonly number[];
  readonly startHour: number;
  readonly endHour: number;
  /** e.g. Europe/Berlin: a day opens at 9 o'clock there, in summer and in winter alike. */
  readonly timeZone: string;
  /** Dates (YYYY-MM-DD, the zone's calendar) on which nobody works, whatever their weekday. */
  readonly holidays: ReadonlySet<string>;
}

const DAY = 24 * HOUR;

const isWorkingDay = (day: number, week: WorkingWeek): boolean => {
  const date = new Date(day);
  return week.days.includes(date.getUTCDay()) && !week.holidays.has(date.toISOString().slice(0, 10));
};

/**
 * The moment `hours` working hours have passed since `from`: time outside the working week does
 * not count (a request raised on Friday evening is due on Monday, or on Tuesday when Monday is a
 * holiday). Pure, so a notice derived from it names the same moment however late it is evaluated.
 * Days are the zone's calendar days, so a day on which the clocks change still opens and closes at
 * its hours.
 */
export const addWorkingHours = (from: string, hours: number, week: WorkingWeek): string => {
  if (week.days.length === 0 || week.endHour <= week.startHour) throw new Error('a working week needs a day and an hour');
  const start = Date.parse(from);
  let remaining = hours * HOUR;
  // A local calendar day as the UTC midnight of the same date: days are counted, never shifted.
  let day = dayIn(start, week.timeZone);
  // Ten years of the week, and for each holiday the days that make up for it.
  const lastDay = 366 * 10 + Math.ceil((week.holidays.size * 7) / week.days.length);
  for (let days = 0; days < lastDay; days++, day += DAY) {
    const closes = instantIn(day, week.endHour, week.timeZone);
    if (!isWorkingDay(day, week) || start >= closes) continue;
    const opens = Math.max(start, instantIn(day, week.startHour, week.timeZone));
    const taken = Math.min(remaining, closes - opens);
    remaining -= taken;
    if (remaining <= 0) return new Date(opens + taken).toISOString();
  }
  throw new Error('no working hours found within ten years');
};
