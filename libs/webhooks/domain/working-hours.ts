/** When the team answers: weekdays (0 Sunday … 6 Saturday) and hours of the day, in UTC. */
export interface WorkingWeek {
  readonly days: readonly number[];
  readonly startHour: number;
  readonly endHour: number;
}

export const HOUR = 3_600_000;

const atHour = (day: Date, hour: number): Date =>
  new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) + hour * HOUR);

/**
 * The moment `hours` working hours have passed since `from`: time outside the working week does
 * not count (a request raised on Friday evening is due on Monday). Pure, so a notice derived from
 * it names the same moment however late it is evaluated.
 */
export const addWorkingHours = (from: string, hours: number, week: WorkingWeek): string => {
  if (week.days.length === 0 || week.endHour <= week.startHour) throw new Error('a working week needs a day and an hour');
  let cursor = new Date(from);
  let remaining = hours * HOUR;
  for (let day = 0; day < 366 * 10; day++) {
    const opens = atHour(cursor, week.startHour);
    const closes = atHour(cursor, week.endHour);
    if (week.days.includes(cursor.getUTCDay()) && cursor < closes) {
      const start = cursor < opens ? opens : cursor;
      const taken = Math.min(remaining, closes.getTime() - start.getTime());
      remaining -= taken;
      if (remaining <= 0) return new Date(start.getTime() + taken).toISOString();
    }
    cursor = atHour(new Date(cursor.getTime() + 24 * HOUR), 0);
  }
  throw new Error('no working hours found within ten years');
};
