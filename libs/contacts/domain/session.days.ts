import { DomainError, addDays, notInTheFuture } from '@cf/core';

/** One calendar day of a session and how much of it was spent with the customer (1 or ½). */
export interface SessionDay {
  readonly date: string;
  readonly days: number;
}

/**
 * A session's days fall on consecutive calendar days from its date: a full day each, the last
 * one ½ when the count ends in a half. A 3-day workshop from 30 January is two days in January
 * and one in February.
 */
export const sessionDays = (date: string, days: number): SessionDay[] =>
  Array.from({ length: Math.ceil(days) }, (_, index) => ({ date: addDays(date, index), days: Math.min(1, days - index) }));

/** The calendar day a session's last day falls on (a half day is its date alone). */
export const lastDayOf = (date: string, days: number): string => addDays(date, Math.ceil(days) - 1);

/**
 * Contact days are counted, not planned: a session starts on a date that has come (`at` is the
 * command's time), and none of its days lies in the future either.
 */
export const checkSessionDates = (date: string, days: number, at: string): void => {
  // The date was checked as sent (a real one, from 1970 on); a stored one is not held to rules made since.
  notInTheFuture('date', date, at);
  const lastDay = lastDayOf(date, days);
  try {
    notInTheFuture('days', lastDay, at);
  } catch {
    throw DomainError.badInput('days', `a session of ${days} days from ${date} runs to ${lastDay}, which is in the future`);
  }
};
