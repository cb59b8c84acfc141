import { DomainError } from './domain-error.js';

/** One field a revision changed: its name, the value before and the value after. */
export interface FieldChange<Value = unknown> {
  readonly field: string;
  readonly from: Value;
  readonly to: Value;
}

const sameValue = (a: unknown, b: unknown): boolean =>
  Object.is(a, b) ||
  (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null ? JSON.stringify(a) === JSON.stringify(b) : false);

/**
 * The fields (in the order given) whose value differs between `before` and `after`.
 * A field that is `undefined` in `after` counts as "not given" and is never a change.
 * Pure: values are copied as they are (strings, numbers, plain data); `Value` only names
 * their type for the caller (e.g. `diffFields<string | number>(...)`), it is not checked.
 */
export const diffFields = <Value = unknown>(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  fields: readonly string[],
): FieldChange<Value>[] =>
  fields.flatMap((field) => {
    const to = after[field];
    if (to === undefined) return [];
    const from = before[field];
    return sameValue(from, to) ? [] : [{ field, from: from as Value, to: to as Value }];
  });

/**
 * The refusal of a revision that changes nothing: it names the first field the sender gave (the
 * one they will look at), or `input` when they gave none (no field of it is at fault).
 */
export const nothingToChange = (after: Readonly<Record<string, unknown>>, fields: readonly string[], names = fields): DomainError =>
  DomainError.badInput(
    fields.find((field) => after[field] !== undefined) ?? 'input',
    `nothing to change: give ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]} that differs`,
  );
