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
 * `sealed`: the fields the log keeps sealed (a contact's name and email, a webhook's URL). They are
 * left out, so what is sealed is nowhere in the log in plain, not even as a hash to test guesses
 * against (a forgotten person's name, a URL's token); the same key sent with only another such
 * field then answers the first result. Such a fingerprint is named apart
 * (`input-without-personal-data:`, from when personal data was all it left out; the name stays so
 * that keys bound since compare as before).
 */
export const inputFingerprint = (input: KeyedInput, sealed: readonly string[] = []): string => {
  const hashed = Object.fromEntries(Object.entries(input).filter(([field]) => !sealed.includes(field)));
  const digest = createHash('sha256')
    .update(canonicalJson(withoutNulls(hashed)))
    .digest('hex');
  return `${sealed.length > 0 ? 'input-without-personal-data' : 'input'}:${digest}`;
};
