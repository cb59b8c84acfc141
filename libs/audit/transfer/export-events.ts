import type { EventStore, RecordedEvent } from '@cf/event-store';
import { eventsAfter } from './event-batches.js';
import { toNdjsonLine } from './ndjson.js';

export interface ExportOptions {
  /** Only the project's streams: its own and every stream whose events name it as projectId. */
  projectId?: string;
  /**
   * For reading by people, not for import: each event is passed through this (e.g. unsealing
   * personal data to plaintext or [forgotten]); its hashes then no longer match its data.
   */
  render?: (event: RecordedEvent) => Promise<RecordedEvent>;
  onProgress?: (position: bigint) => void;
}

/** Writes NDJSON lines in global order; returns how many events were written. */
export const exportEvents = async (
  store: EventStore,
  write: (line: string) => Promise<void>,
  options: ExportOptions = {},
): Promise<number> => {
  const projectStreams = new Set<string>(options.projectId ? [`project-${options.projectId}`] : []);
  let written = 0;
  for await (const event of eventsAfter(store)) {
    options.onProgress?.(event.position);
    if (options.projectId) {
      if (event.data.projectId === options.projectId) projectStreams.add(event.stream);
      if (!projectStreams.has(event.stream)) continue;
    }
    await write(`${toNdjsonLine(options.render ? await options.render(event) : event)}\n`);
    written += 1;
  }
  return written;
};
