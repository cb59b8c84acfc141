import { hash } from 'node:crypto';
import type { EventMetadata } from './event-store.js';

/** The hash every stream's first event points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth, so equal content always hashes equally. Written
 * directly (no sorted copy of the value), byte for byte what `JSON.stringify` gives for a copy
 * whose keys are sorted (array-index keys first, as objects order them): undefined, functions and symbols are left out of objects and become
 * null in arrays; every object, whatever its class, is written by its own enumerable keys.
 */
export const canonicalJson = (value: unknown): string => writeValue(value) as string;

const writeValue = (value: unknown): string | undefined => {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    case 'bigint':
      return JSON.stringify(value); // throws, as JSON.stringify does on a bigint
    default:
      return undefined;
  }
};

const writeArray = (values: unknown[]): string => {
  let out = '[';
  for (let i = 0; i < values.length; i++) out += `${i === 0 ? '' : ','}${writeValue(values[i]) ?? 'null'}`;
  return `${out}]`;
};

/** JSON.stringify of a string, without the call for the common text that needs no escaping. */
// eslint-disable-next-line no-control-regex -- JSON escapes exactly these code points
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const quote = (text: string): string => (NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`);

/** Array-index keys ("0", "17") come first in ascending order, as a JS object enumerates them. */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;
const isIndexKey = (key: string): boolean => key.charCodeAt(0) <= 57 && INDEX_KEY.test(key) && Number(key) < 4_294_967_295;

const orderedKeys = (object: object): string[] => {
  const keys = Object.keys(object).sort();
  if (!keys.some(isIndexKey)) return keys;
  const indexes = keys.filter(isIndexKey).sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...keys.filter((key) => !isIndexKey(key))];
};

const writeObject = (object: Record<string, unknown>): string => {
  let out = '{';
  for (const key of orderedKeys(object)) {
    const written = writeValue(object[key]);
    if (written === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${quote(key)}:${written}`;
  }
  return `${out}}`;
};

export interface HashedContent {
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

/**
 * The link of the per-stream tamper-evident chain: SHA-256 over the canonical JSON of the
 * event's type, schema version, data, metadata and the previous event's hash. Computed here
 * only, at append time, by every adapter.
 */
export const chainHash = (event: HashedContent, prevHash: string): string =>
  linkHash(event.type, event.schemaVersion, canonicalJson(event.data), canonicalJson(event.metadata), prevHash);

/**
 * The same link from data and metadata already written as canonical JSON: adapters store that
 * very text, so each event is serialized once. The hashed text is byte for byte
 * `canonicalJson({ type, schemaVersion, data, metadata, prevHash })`, its keys in sorted order.
 */
export const linkHash = (type: string, schemaVersion: number, data: string, metadata: string, prevHash: string): string =>
  hash(
    'sha256',
    `{"data":${data},"metadata":${metadata},"prevHash":${quote(prevHash)},"schemaVersion":${JSON.stringify(schemaVersion)},"type":${quote(type)}}`,
    'hex',
  );
