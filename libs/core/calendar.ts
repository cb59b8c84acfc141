import { DomainError } from './domain-error.js';
import { calendarDate } from './value-checks.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Time zones run up to UTC+14: a date lies in the future only while it has begun nowhere yet. */
const FURTHEST_ZONE_AHEAD_MS = 14 * 60 * 60 * 1000;

/** The calendar date (UTC) of a moment given as ISO-8601: "today" for a command sent at `at`. */
export const dateOf = (at: string): string => new Date(at).toISOString().slice(0, 10);

/** The calendar date `days` days after `date` (YYYY-MM-DD). */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The latest calendar date that has begun somewhere on Earth at the moment `at`. */
const latestDateAt = (at: string): string => new Date(Date.parse(at) + FURTHEST_ZONE_AHEAD_MS).toISOString().slice(0, 10);

/** A date (already known to be real) that is not in the future at `at` (a command's time), else BAD_USER_INPUT on the field. */
export const notInTheFuture = (field: string, date: string, at: string): string => {
  if (date > latestDateAt(at)) throw DomainError.badInput(field, `${date} is in the future`);
  return date;
};

/** A real calendar date that is not in the future at `at` (a command's time), else BAD_USER_INPUT on the field. */
export const pastOrPresentDate = (field: string, value: unknown, at: string): string =>
  notInTheFuture(field, calendarDate(field, value), at);
