import type { EventMetadata, RecordedEvent } from '@cf/event-store';

/**
 * The export format: one event per line, as stored (personal fields stay sealed, so the hash
 * chain verifies on import), keys in this order, the position as a decimal string.
 */
export const toNdjsonLine = (event: RecordedEvent): string =>
  JSON.stringify({
    position: event.position.toString(),
    stream: event.stream,
    revision: event.indexInStream,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    prevHash: event.prevHash,
    hash: event.hash,
  });

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** One line back into an event; a line that is not one names its line number. */
export const parseNdjsonLine = (line: string, lineNumber: number): RecordedEvent => {
  const fail = (why: string): never => {
    throw new Error(`line ${lineNumber}: ${why}`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return fail('is not JSON');
  }
  if (!isObject(parsed)) return fail('is not an event object');
  const { position, stream, revision, type, schemaVersion, data, metadata, prevHash, hash } = parsed;
  if (typeof position !== 'string' || !/^\d+$/.test(position)) fail('position must be a decimal string');
  if (typeof stream !== 'string' || stream === '') fail('stream must be a non-empty string');
  if (!Number.isInteger(revision) || (revision as number) < 0) fail('revision must be a whole number');
  if (typeof type !== 'string' || type === '') fail('type must be a non-empty string');
  if (!Number.isInteger(schemaVersion)) fail('schemaVersion must be a whole number');
  if (!isObject(data)) fail('data must be an object');
  if (!isObject(metadata) || typeof (metadata as { occurredAt?: unknown }).occurredAt !== 'string')
    fail('metadata must be an object with occurredAt');
  if (typeof prevHash !== 'string' || typeof hash !== 'string') fail('prevHash and hash must be strings');
  return {
    position: BigInt(position as string),
    stream: stream as string,
    indexInStream: revision as number,
    type: type as string,
    schemaVersion: schemaVersion as number,
    data: data as Record<string, unknown>,
    metadata: metadata as EventMetadata,
    prevHash: prevHash as string,
    hash: hash as string,
  };
};
