import { createHash } from 'node:crypto';
import { canonicalJson } from '@cf/event-store';

/** A mutation's input that may carry an idempotency key (IdempotencyKeyField). */
export interface KeyedInput {
  idempotencyKey?: string | null;
}

/**
 * A field sent as null is one left out: in every keyed mutation both mean "none" or "as it is".
 * The revisions, where null may clear a field, take an expected revision instead of a key.
 */
const withoutNulls = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, field]) => (field === null || field === undefined ? [] : [[key, withoutNulls(field)]])),
  );
};

/**
 * What an idempotency key is bound to, beside its command's kind: a hash of the input as the
 * command reads it, after the validation pipe (ids in lowercase, idsInLowerCase), so a retry
 * that writes an id in capitals or a null for a field left out is the same command. Named by its
 * way of hashing (`input:`): a key bound by an earlier way is not compared (requireSameCommand).
 *
 * `personal`: the fields that hold personal data, sealed in the log (a contact's name and email).
 * They are left out, so a forgotten person's name stays nowhere in the log, not even as a hash to
 * test guesses against; the same key sent with another name then answers the first result. Such a
 * fingerprint is named apart (`input-without-personal-data:`).
 */
export const inputFingerprint = (input: KeyedInput, personal: readonly string[] = []): string => {
  const hashed = Object.fromEntries(Object.entries(input).filter(([field]) => !personal.includes(field)));
  const digest = createHash('sha256')
    .update(canonicalJson(withoutNulls(hashed)))
    .digest('hex');
  return `${personal.length > 0 ? 'input-without-personal-data' : 'input'}:${digest}`;
};
