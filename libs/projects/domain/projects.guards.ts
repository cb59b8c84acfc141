import { DomainError } from '@cf/core';

/** The trimmed text, or BAD_USER_INPUT on the field when it is empty. */
export const requireText = (field: string, value: string | null | undefined): string => {
  const text = (value ?? '').trim();
  if (text === '') throw DomainError.badInput(field, 'must not be empty');
  return text;
};

/** Hours (or days) that are a finite number and not negative. */
export const requireNonNegative = (field: string, value: number): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw DomainError.badInput(field, 'must be a number');
  if (value < 0) throw DomainError.badInput(field, 'must not be negative');
  return value;
};

export const roundHours = (hours: number): number => Math.round(hours * 100) / 100;
