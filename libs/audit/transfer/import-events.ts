import type { EventStore, RecordedEvent } from '@cf/event-store';
import { appendBatch, appendBatches } from './event-batches.js';
import { StreamingChainCheck, brokenChainRefusal } from './chain-check.js';
import { parseNdjsonLine } from './ndjson.js';
import { summarizeStore } from './store-summary.js';

/** A source of NDJSON lines that can be read twice: once to verify, once to load. */
export type LineSource = () => AsyncIterable<string>;

async function* eventsOf(lines: LineSource): AsyncGenerator<RecordedEvent> {
  let lineNumber = 0;
  for await (const line of lines()) {
    lineNumber += 1;
    if (line.trim() !== '') yield parseNdjsonLine(line, lineNumber);
  }
}

export interface ImportResult {
  events: number;
  streams: number;
}

/**
 * Loads an export into an empty store. The whole file is verified first (every line parses,
 * every stream's chain holds, global order is kept); nothing is appended unless it all holds.
 * Then events are appended in file order, one command's events per append, so the target
 * assigns positions in the same order and recomputes the same hashes: every stream's last hash
 * is checked against the file at the end.
 */
export const importEvents = async (store: EventStore, lines: LineSource, onProgress?: (done: number) => void): Promise<ImportResult> => {
  if ((await store.headPosition()) !== 0n) throw new Error(`the ${store.name} store is not empty: import only loads into an empty store`);
  const check = new StreamingChainCheck();
  let lastPosition = 0n;
  for await (const event of eventsOf(lines)) {
    if (event.position <= lastPosition)
      throw new Error(`refused: event at position ${event.position} comes after position ${lastPosition}`);
    lastPosition = event.position;
    const broken = check.check(event);
    if (broken)
      throw brokenChainRefusal(
        broken,
        broken.reason === 'HASH_MISMATCH'
          ? 'nothing was imported (a file written with `export --unseal` is one: its plaintext is not what the hashes cover; import a sealed export)'
          : 'nothing was imported',
      );
  }
  let done = 0;
  for await (const batch of appendBatches(eventsOf(lines))) {
    await appendBatch(store, batch);
    done += batch.length;
    onProgress?.(done);
  }
  const stored = await summarizeStore(store);
  for (const [stream, tail] of check.tails) {
    const copy = stored.streams.get(stream);
    if (copy?.count !== tail.revision + 1 || copy.lastHash !== tail.hash)
      throw new Error(`${stream}: the store does not end with the file's last hash`);
  }
  return { events: check.events, streams: check.streams };
};
