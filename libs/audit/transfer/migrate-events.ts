import type { EventStore } from '@cf/event-store';
import { appendBatch, appendBatches, eventsAfter } from './event-batches.js';

export interface MigrateOptions {
  /** Stop after about this many events (at a command's boundary): to test resuming. */
  limit?: number;
  onProgress?: (sourcePosition: bigint, copied: number) => void;
}

export interface MigrateResult {
  /** The source position the copy started after (0 for a fresh target). */
  resumedAfter: bigint;
  copied: number;
  /** False when the limit stopped the copy before the source's end. */
  complete: boolean;
}

/**
 * Where to resume, derived from the target alone: its last event is a copy of some source event
 * (same stream, revision and hash); the copy continues after that event's source position.
 * Appends are atomic, so the target never holds half a command. No marker to keep in step.
 */
export const resumePoint = async (source: EventStore, target: EventStore): Promise<bigint> => {
  const head = await target.headPosition();
  if (head === 0n) return 0n;
  const [last] = await target.readAll({ after: head - 1n, limit: 1, raw: true });
  const original = last && (await source.readStream(last.stream, { raw: true }))[last.indexInStream];
  if (!last || !original || original.hash !== last.hash) {
    throw new Error(`the target is not empty and its last event is not a copy of a source event: refusing to migrate into it`);
  }
  return original.position;
};

/** Copies every event after the resume point in global order, one command per append. */
export const migrateEvents = async (source: EventStore, target: EventStore, options: MigrateOptions = {}): Promise<MigrateResult> => {
  const resumedAfter = await resumePoint(source, target);
  let copied = 0;
  for await (const batch of appendBatches(eventsAfter(source, resumedAfter))) {
    if (options.limit !== undefined && copied >= options.limit) return { resumedAfter, copied, complete: false };
    await appendBatch(target, batch);
    copied += batch.length;
    options.onProgress?.(batch[batch.length - 1].position, copied);
  }
  return { resumedAfter, copied, complete: true };
};
