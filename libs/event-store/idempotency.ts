import type { AppendResult, IdempotentAppend } from './event-store.js';

/**
 * How adapters keep an idempotent append's result: JSON with the position as a decimal string.
 * The last index is kept under its first name, `nextExpectedRevision`: keys already stored read on.
 */
export const serializeIdempotent = (stream: string, result: AppendResult): string =>
  JSON.stringify({ stream, nextExpectedRevision: result.lastIndex, position: result.position.toString() });

export const parseIdempotent = (text: string): IdempotentAppend => {
  const parsed = JSON.parse(text) as { stream: string; nextExpectedRevision: number; position: string };
  return { stream: parsed.stream, lastIndex: parsed.nextExpectedRevision, position: BigInt(parsed.position) };
};
