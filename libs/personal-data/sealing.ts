import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { FORGOTTEN } from '@cf/core';

/**
 * Sealed personal data: `enc:v1:<subjectId>:<base64url of iv | tag | ciphertext>`, AES-256-GCM
 * under the subject's own key, with the subject id as additional data (a token cannot be moved
 * to another person). A token may stand alone or sit inside a sentence (a commitment's reasons).
 */
export const SEALED_PREFIX = 'enc:v1:';
const TOKEN = /enc:v1:([A-Za-z0-9-]{1,64}):([A-Za-z0-9_-]{38,})/g;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The keys of the subjects a value mentions; a subject missing from the map has been forgotten. */
export type SubjectKeys = ReadonlyMap<string, Buffer>;

export const sealText = (key: Buffer, subjectId: string, plaintext: string): string => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(subjectId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${SEALED_PREFIX}${subjectId}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
};

/** The plaintext, or undefined when the payload does not open with this key (altered or foreign). */
const openPayload = (key: Buffer, subjectId: string, payload: string): string | undefined => {
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(subjectId, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
};

/**
 * Every token in the text replaced by its plaintext, or by [forgotten] when the subject's key is
 * gone. A token whose key exists but which does not open (altered) is left as it is: evidence.
 */
export const unsealText = (text: string, keys: SubjectKeys): string =>
  text.includes(SEALED_PREFIX)
    ? text.replace(TOKEN, (token, subjectId: string, payload: string) => {
        const key = keys.get(subjectId);
        return key ? (openPayload(key, subjectId, payload) ?? token) : FORGOTTEN;
      })
    : text;

/** The subjects whose tokens appear in any string anywhere in the value. */
export const subjectsIn = (value: unknown, found = new Set<string>()): Set<string> => {
  if (typeof value === 'string') {
    if (value.includes(SEALED_PREFIX)) for (const match of value.matchAll(TOKEN)) found.add(match[1]);
  } else if (Array.isArray(value)) {
    for (const item of value) subjectsIn(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) subjectsIn(item, found);
  }
  return found;
};

/** A copy of a JSON-like value with every string unsealed (see unsealText). */
export const unsealDeep = <T>(value: T, keys: SubjectKeys): T => {
  if (typeof value === 'string') return unsealText(value, keys) as T;
  if (Array.isArray(value)) return value.map((item) => unsealDeep(item, keys)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, unsealDeep(item, keys)])) as T;
  }
  return value;
};

/** A copy of `value` with the string at `path` turned; anything else, or nothing there, stays. */
const turnAt = (value: unknown, [name, ...rest]: readonly string[], turn: (text: string) => string): unknown => {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !(name in value)) return value;
  const record = value as Record<string, unknown>;
  const inner = record[name];
  return { ...record, [name]: rest.length > 0 ? turnAt(inner, rest, turn) : typeof inner === 'string' ? turn(inner) : inner };
};

/** Each event's data with the string at every path ('name', or 'acknowledgedBy.name' inside an object) turned. */
const turnFields = <E extends { data: Record<string, unknown> }>(
  events: readonly E[],
  paths: readonly string[],
  turn: (text: string) => string,
): E[] =>
  events.map((event) => ({
    ...event,
    data: paths.reduce((data, path) => turnAt(data, path.split('.'), turn) as Record<string, unknown>, event.data),
  }));

/** The data fields named (paths) are sealed for the subject; other fields and non-string values stay. */
export const sealFields = <E extends { data: Record<string, unknown> }>(
  events: readonly E[],
  fields: readonly string[],
  key: Buffer,
  subjectId: string,
): E[] => turnFields(events, fields, (text) => sealText(key, subjectId, text));

/** The data fields named (paths) read [forgotten]: for a subject whose key is gone, nothing is kept in plain. */
export const forgetFields = <E extends { data: Record<string, unknown> }>(events: readonly E[], fields: readonly string[]): E[] =>
  turnFields(events, fields, () => FORGOTTEN);
