import { isCalendarDate } from '@cf/core';
import { ConfigError, LONGEST_TIMER_MS, wholeNumber } from '@cf/ledger';
import type { WorkingWeek } from '../domain/working-hours.js';
import { isKnownTimeZone } from '../domain/zoned-clock.js';

/** How webhooks are delivered here, read once from the environment. */
export interface DeliverySettings {
  /** WEBHOOK_ALLOW_PRIVATE=true: private, loopback and link-local targets are allowed (on-premise use, tests). */
  allowPrivate: boolean;
  /** WEBHOOK_RETRY_SECONDS: the wait before each retry; a delivery fails after the last (about 24 h in all by default). */
  retrySeconds: readonly number[];
  /** WEBHOOK_TIMEOUT_MS: how long one attempt may take before it counts as failed. */
  timeoutMs: number;
  /** WEBHOOK_CONCURRENCY: attempts in flight to one webhook at a time. */
  concurrency: number;
  /** WEBHOOK_POLL_MS: how often the dispatcher looks for due deliveries. */
  pollMs: number;
  /** WEBHOOK_FIRST_RESPONSE_HOURS: working hours a request may wait for its first response. */
  firstResponseHours: number;
  /** WEBHOOK_CONTACT_DAYS_GRACE_HOURS: how long after a month's end its contact days are judged (days logged late still count). */
  contactDaysGraceHours: number;
  /** WEBHOOK_RETENTION_DAYS: how long finished deliveries stay listed. */
  retentionDays: number;
  /** WEBHOOK_WORKING_DAYS (0 Sunday … 6 Saturday) and WEBHOOK_WORKING_HOURS (e.g. 9-17), on the clocks of WEBHOOK_TIME_ZONE, less WEBHOOK_HOLIDAYS. */
  workingWeek: WorkingWeek;
}

/**
 * The longest span a WEBHOOK_* period may name: a hundred years (working hours: ten years of the
 * week, see tenYearsOf). Longer
 * ones (999999999 days for "keep them forever") make dates past the calendar's end, on which the
 * dispatcher could compute no due time and send nothing at all.
 */
const CENTURY_DAYS = 36_500;
const CENTURY_HOURS = CENTURY_DAYS * 24;
const CENTURY_SECONDS = CENTURY_HOURS * 3_600;

/** 1 s, 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, 8 h: about 23.7 h from the first attempt to the last. */
export const DEFAULT_RETRY_SECONDS = [1, 5, 30, 120, 600, 1_800, 3_600, 7_200, 14_400, 28_800, 28_800];

const positiveNumber = (variable: string, value: string | undefined, fallback: number, most = Infinity): number => {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!(Number.isFinite(number) && number > 0 && number <= most)) {
    throw new ConfigError(variable, `must be a number above 0${most === Infinity ? '' : ` and at most ${most}`} (got "${value}")`);
  }
  return number;
};

/** The items of a comma-separated list, trimmed; an empty one (`1,,2`) is a bad item, never 0 or a default. */
const itemsOf = (list: string): string[] => list.split(',').map((item) => item.trim());

const retrySeconds = (given: string | undefined): readonly number[] => {
  if (!given) return DEFAULT_RETRY_SECONDS;
  const seconds = itemsOf(given).map(Number);
  if (seconds.some((wait) => !(Number.isFinite(wait) && wait > 0))) {
    throw new ConfigError('WEBHOOK_RETRY_SECONDS', `must list numbers of seconds above 0, separated by commas (got "${given}")`);
  }
  if (seconds.reduce((sum, wait) => sum + wait, 0) > CENTURY_SECONDS) {
    throw new ConfigError('WEBHOOK_RETRY_SECONDS', `must add up to at most ${CENTURY_SECONDS} seconds, a hundred years (got "${given}")`);
  }
  return seconds;
};

/**
 * The working hours of ten years of the week (520 weeks of it): a due time is looked for that far
 * ahead at most, so a longer wait for a first response could never fall due.
 */
const tenYearsOf = (week: WorkingWeek): number => 520 * week.days.length * (week.endHour - week.startHour);

const workingWeek = (env: NodeJS.ProcessEnv): WorkingWeek => {
  const items = itemsOf(env.WEBHOOK_WORKING_DAYS || '1,2,3,4,5');
  if (items.some((day) => !/^[0-6]$/.test(day))) {
    throw new ConfigError('WEBHOOK_WORKING_DAYS', `must list weekdays from 0 (Sunday) to 6 (got "${env.WEBHOOK_WORKING_DAYS}")`);
  }
  const days = items.map(Number);
  const hours = /^(\d{1,2})-(\d{1,2})$/.exec(env.WEBHOOK_WORKING_HOURS || '9-17');
  const [startHour, endHour] = hours ? [Number(hours[1]), Number(hours[2])] : [NaN, NaN];
  if (!(startHour >= 0 && endHour <= 24 && startHour < endHour)) {
    throw new ConfigError(
      'WEBHOOK_WORKING_HOURS',
      `must be two hours from 0 to 24, the first earlier, e.g. 9-17 (got "${env.WEBHOOK_WORKING_HOURS}")`,
    );
  }
  // Not a number, day or hour: an empty zone is a value, refused like any unknown name.
  const timeZone = env.WEBHOOK_TIME_ZONE ?? 'UTC';
  if (!isKnownTimeZone(timeZone)) {
    throw new ConfigError('WEBHOOK_TIME_ZONE', `must be a time zone of the tz database, e.g. Europe/Berlin or UTC (got "${timeZone}")`);
  }
  return { days, startHour, endHour, timeZone, holidays: holidays(env.WEBHOOK_HOLIDAYS) };
};

const holidays = (given: string | undefined): ReadonlySet<string> => {
  if (!given) return new Set();
  const dates = itemsOf(given);
  if (!dates.every(isCalendarDate)) {
    throw new ConfigError('WEBHOOK_HOLIDAYS', `must list calendar dates (YYYY-MM-DD), separated by commas (got "${given}")`);
  }
  return new Set(dates);
};

export const loadDeliverySettings = (env: NodeJS.ProcessEnv = process.env): DeliverySettings => {
  if (env.WEBHOOK_ALLOW_PRIVATE !== undefined && !['true', 'false'].includes(env.WEBHOOK_ALLOW_PRIVATE)) {
    throw new ConfigError('WEBHOOK_ALLOW_PRIVATE', `must be true or false (got "${env.WEBHOOK_ALLOW_PRIVATE}")`);
  }
  const week = workingWeek(env);
  return {
    allowPrivate: env.WEBHOOK_ALLOW_PRIVATE === 'true',
    retrySeconds: retrySeconds(env.WEBHOOK_RETRY_SECONDS),
    timeoutMs: positiveNumber('WEBHOOK_TIMEOUT_MS', env.WEBHOOK_TIMEOUT_MS, 10_000, LONGEST_TIMER_MS),
    // Attempts are counted whole: 2.5 is refused, not rounded to a number nobody wrote; empty is the default, as for every WEBHOOK_* number.
    concurrency: wholeNumber('WEBHOOK_CONCURRENCY', env.WEBHOOK_CONCURRENCY || undefined, 2, 1),
    pollMs: positiveNumber('WEBHOOK_POLL_MS', env.WEBHOOK_POLL_MS, 500, LONGEST_TIMER_MS),
    firstResponseHours: positiveNumber('WEBHOOK_FIRST_RESPONSE_HOURS', env.WEBHOOK_FIRST_RESPONSE_HOURS, 8, tenYearsOf(week)),
    contactDaysGraceHours: positiveNumber('WEBHOOK_CONTACT_DAYS_GRACE_HOURS', env.WEBHOOK_CONTACT_DAYS_GRACE_HOURS, 24, CENTURY_HOURS),
    retentionDays: positiveNumber('WEBHOOK_RETENTION_DAYS', env.WEBHOOK_RETENTION_DAYS, 30, CENTURY_DAYS),
    workingWeek: week,
  };
};
