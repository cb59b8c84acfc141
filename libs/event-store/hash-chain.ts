import { createHash } from 'node:crypto';
import type { EventMetadata } from './event-store.js';

/** The hash every stream's first event points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so equal content always hashes equally. */
export const canonicalJson = (value: unknown): string => JSON.stringify(sortKeys(value));

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value as object)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
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
  createHash('sha256')
    .update(
      canonicalJson({
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
        metadata: event.metadata,
        prevHash,
      }),
    )
    .digest('hex');
