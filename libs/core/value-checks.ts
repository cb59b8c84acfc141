import { characterCount } from './character-count.js';
import { DomainError } from './domain-error.js';

/**
 * Checks of single values in commands, shared by every context. Each returns the value to
 * store or throws BAD_USER_INPUT on the given field (NOT_FOUND / RULE_VIOLATED for facts).
 */

/**
 * Nothing a reader would see: white space, invisible format characters (a zero-width space),
 * and the blanks Unicode classes as letters or marks (Hangul fillers, the braille blank, the
 * grapheme joiner, variation selectors).
 */
const INVISIBLE = /^(?:[\s\p{Cf}\u115f\u1160\u2800\u3164\uffa0]|\u034f|\p{Variation_Selector})*$/u;

/** A required text: trimmed, not empty (nor only invisible characters), and at most `maxLength` characters when given. */
export const requiredText = (field: string, value: unknown, maxLength?: number): string => {
  const text = typeof value === 'string' ? value.trim() : '';
  if (INVISIBLE.test(text)) throw DomainError.badInput(field, 'must not be empty');
  if (maxLength !== undefined && characterCount(text) > maxLength) {
    throw DomainError.badInput(field, `must be at most ${maxLength} characters`);
  }
  return text;
};

/** An optional text: trimmed, or undefined when absent or blank. */
export const optionalText = (value: string | null | undefined): string | undefined => {
  const text = (value ?? '').trim();
  return text === '' ? undefined : text;
};

/**
 * A text that may be empty, at most `maxLength` characters: kept as given (its layout may
 * matter), but one of nothing but white space is the empty text it stands for.
 */
export const boundedText = (field: string, value: unknown, maxLength: number): string => {
  if (typeof value !== 'string') throw DomainError.badInput(field, 'must be text');
  if (characterCount(value) > maxLength) throw DomainError.badInput(field, `must be at most ${maxLength} characters`);
  return value.trim() === '' ? '' : value;
};

const finiteNumber = (field: string, value: unknown): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw DomainError.badInput(field, 'must be a number');
  return value;
};

/** A finite number, zero or more (hours, days). */
export const nonNegativeNumber = (field: string, value: unknown): number => {
  const number = finiteNumber(field, value);
  if (number < 0) throw DomainError.badInput(field, 'must not be negative');
  return number;
};

/** A finite number greater than zero. */
export const positiveNumber = (field: string, value: unknown): number => {
  const number = finiteNumber(field, value);
  if (number <= 0) throw DomainError.badInput(field, 'must be more than zero');
  return number;
};

/** True for a real calendar date written YYYY-MM-DD (no 2025-02-30). */
export const isCalendarDate = (value: unknown): value is string => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
};

/**
 * The earliest date the ledger records (a session, a due date, a member's first day). Anything
 * may be recorded after the fact, but a year like 0000 or 1899 is a slip of the keyboard, and it
 * would count in a dashboard's month as if it were real.
 */
export const EARLIEST_DATE = '1970-01-01';

/** A calendar date 'YYYY-MM-DD' that exists, from EARLIEST_DATE on; returned as given. */
export const calendarDate = (field: string, value: unknown): string => {
  if (!isCalendarDate(value)) throw DomainError.badInput(field, 'must be a calendar date (YYYY-MM-DD)');
  if (value < EARLIEST_DATE) throw DomainError.badInput(field, `must be ${EARLIEST_DATE} or later (got ${value})`);
  return value;
};

/** One of the allowed values. */
export const oneOf = <T extends string>(field: string, value: unknown, allowed: readonly T[]): T => {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw DomainError.badInput(field, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
};

/** What a referenced id names, and the input that sent it: every refusal of it names that field. */
export interface Reference {
  entity: string;
  field: string;
}

/**
 * A fact the handler looked up for a referenced id: it must exist in `projectId` (NOT_FOUND on
 * `entity`/`id`, the same for an id of another project, so naming one tells neither that it exists
 * nor of which kind). The refusal's message names only what the caller sent. A forgotten
 * one (a contact whose personal data was erased) can be named by nothing new. Each refusal carries
 * the input's `field`, so a portal marks the field that sent the id.
 */
export const referencedFact = <Fact extends { readonly projectId: string; readonly forgotten?: boolean }>(
  { entity, field }: Reference,
  id: string,
  fact: Fact | null | undefined,
  projectId: string,
): Fact => {
  // Another project's fact reads as none: a member of both (a customer here, a manager there) learns nothing of it.
  if (fact === null || fact === undefined || fact.projectId !== projectId) throw DomainError.notFound(entity, id).about(field);
  if (fact.forgotten) {
    throw DomainError.ruleViolated(
      `${entity[0].toLowerCase()}${entity.slice(1)}NotForgotten`,
      `${entity} ${id} has been forgotten and cannot be named`,
      field,
    );
  }
  return fact;
};

/** Ids (or other values: `noun`) of a list that names each once: a repeated one is a mistake of the sender, never merged silently. */
export const distinctIds = (field: string, ids: readonly string[], noun = 'id'): string[] => {
  if (new Set(ids).size !== ids.length) throw DomainError.badInput(field, `lists the same ${noun} twice`);
  return [...ids];
};

/** Copies only the defined entries, so events carry no `undefined` keys. */
export const withoutUndefined = <T extends Record<string, unknown>>(record: T): T =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
