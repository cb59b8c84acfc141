/**
 * What the clocks of an IANA time zone show, from the tz database Node carries (Intl): no I/O and
 * no clock of our own, so the working week stays pure. UTC needs none of it.
 */
const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

const clocks = new Map<string, Intl.DateTimeFormat>();

const clockOf = (timeZone: string): Intl.DateTimeFormat => {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    clocks.set(timeZone, clock);
  }
  return clock;
};

/** The zone's wall-clock reading at `instant` (to the minute), written as if it were UTC. */
const wallClockAt = (instant: number, timeZone: string): number => {
  if (timeZone === 'UTC') return instant - (instant % MINUTE);
  const part: Record<string, number> = {};
  for (const { type, value } of clockOf(timeZone).formatToParts(instant)) part[type] = Number(value);
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute);
};

/** Whether the zone is one the tz database knows (a mistyped name throws there, so it is refused at start). */
export const isKnownTimeZone = (timeZone: string): boolean => {
  try {
    clockOf(timeZone);
    return true;
  } catch {
    return false;
  }
};

/** The zone's calendar date at `instant`, as the UTC midnight of that date. */
export const dayIn = (instant: number, timeZone: string): number => {
  const wall = wallClockAt(instant, timeZone);
  return wall - (((wall % (24 * HOUR)) + 24 * HOUR) % (24 * HOUR));
};

/**
 * The instant the zone's clocks show `hour` o'clock on `day` (a date as its UTC midnight; hour 24
 * is the next midnight). An hour the clocks skip in spring is read with the offset before the skip,
 * so it falls just after it; an hour shown twice in autumn is its later showing.
 */
export const instantIn = (day: number, hour: number, timeZone: string): number => {
  const wall = day + hour * HOUR;
  const guess = wall - (wallClockAt(wall, timeZone) - wall);
  return wall - (wallClockAt(guess, timeZone) - guess);
};
