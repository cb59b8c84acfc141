import { DomainError } from '@cf/core';

/** The trimmed text, or BAD_USER_INPUT on the field when it is empty. */
export const requireText = (field: string, value: string | null | undefined): string => {
  const text = (value ?? '').trim();
  if (text === '') throw DomainError.badInput(field, 'must not be empty');
  return text;
};

/** The trimmed text, or undefined when absent or blank. */
export const optionalText = (value: string | null | undefined): string | undefined => {
  const text = (value ?? '').trim();
  return text === '' ? undefined : text;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const looksLikeEmail = (value: string): boolean => EMAIL.test(value);

/** True for a real calendar date written YYYY-MM-DD (no 2025-02-30). */
export const isCalendarDate = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** Copies only the defined entries, so events carry no `undefined` keys. */
export const withoutUndefined = <T extends Record<string, unknown>>(record: T): T =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
