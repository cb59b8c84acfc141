import { hash } from 'node:crypto';
import type { EventMetadata } from './event-store.js';

/** The hash every stream's first event points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth, so equal content always hashes equally: byte for
 * byte what it has always been (array-index keys first, as objects order them; undefined, functions
 * and symbols left out of objects and null in arrays; every object, whatever its class, written by
 * its own enumerable keys). JSON.stringify of a copy whose keys were added in sorted order: an object
 * lists its array-index keys ("0", "17") first in ascending order and the others in the order they
 * were added, so the copy is written in sorted order, as one flat string that hashing and the
 * store's INSERT then read without copying it again. It nests as deep as JSON.stringify does
 * (about 4,000 levels).
 */
export const canonicalJson = (value: unknown): string => JSON.stringify(sortedCopy(value));

/**
 * Plain objects and arrays only, whatever the value's class, so JSON.stringify writes keys and
 * items and never asks a value for its toJSON: a function becomes undefined (left out of an
 * object, null in an array), and an array (a subclass, one with its own map) a plain one.
 */
const sortedCopy = (value: unknown): unknown => {
  if (typeof value === 'function') return undefined;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    // Pushed, not made with its length: an array with holes is written by a slower path that nests less deep.
    const items: unknown[] = [];
    for (let i = 0; i < value.length; i++) items.push(sortedCopy(value[i])); // a hole reads undefined, written null as before
    return items;
  }
  const copy: Record<string, unknown> = {};
  for (const key of sortedKeys(value)) {
    const field = sortedCopy((value as Record<string, unknown>)[key]);
    if (field === undefined) continue;
    if (key === '__proto__') Object.defineProperty(copy, key, { value: field, enumerable: true, writable: true });
    else copy[key] = field;
  }
  return copy;
};

/** Own enumerable keys in code-unit order; an insertion sort for the few keys of an event's objects is several times faster than sort(). */
const sortedKeys = (object: object): string[] => {
  const keys = Object.keys(object);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    for (; j >= 0 && keys[j] > key; j--) keys[j + 1] = keys[j];
    keys[j + 1] = key;
  }
  return keys;
};

/** JSON.stringify of a string, without the call for the common text that needs no escaping. */
// eslint-disable-next-line no-control-regex -- JSON escapes exactly these code points
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const quote = (text: string): string => (NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`);

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
