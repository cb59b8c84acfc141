import { DomainError } from '@cf/core';
import { PROJECT_MEMBER_ROLES, type ProjectMemberRole } from './commitments.events.js';

/** Checks of single values in commands; each returns the value to store or throws BAD_USER_INPUT. */

export const SUMMARY_MAX_LENGTH = 200;

export const requiredText = (field: string, value: string, maxLength?: number): string => {
  const text = (value ?? '').trim();
  if (text === '') throw DomainError.badInput(field, 'must not be empty');
  if (maxLength !== undefined && text.length > maxLength) {
    throw DomainError.badInput(field, `must be at most ${maxLength} characters`);
  }
  return text;
};

export const optionalText = (value: string | undefined): string => (value ?? '').trim();

export const positiveHours = (field: string, hours: number): number => {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0) {
    throw DomainError.badInput(field, 'must be a number of hours greater than 0');
  }
  return hours;
};

/** A calendar date 'YYYY-MM-DD' that exists (no 2025-02-30). */
export const calendarDate = (field: string, value: string): string => {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  const valid = parsed !== null && !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  if (!valid) throw DomainError.badInput(field, 'must be a date written YYYY-MM-DD');
  return value;
};

export const memberRole = (field: string, role: ProjectMemberRole): ProjectMemberRole => {
  if (!(PROJECT_MEMBER_ROLES as readonly string[]).includes(role)) {
    throw DomainError.badInput(field, `must be one of ${PROJECT_MEMBER_ROLES.join(', ')}`);
  }
  return role;
};

export const distinctIds = (field: string, ids: readonly string[]): string[] => {
  if (new Set(ids).size !== ids.length) throw DomainError.badInput(field, 'lists the same id twice');
  return [...ids];
};
