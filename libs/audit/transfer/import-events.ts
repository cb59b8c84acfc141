import type { EventStore, RecordedEvent } from '@cf/event-store';
import { appendBatch, appendBatches, eventsAfter } from './event-batches.js';
import { StreamingChainCheck, brokenChainRefusal } from './chain-check.js';
import { parseNdjsonLine } from './ndjson.js';
import { summarizeStore } from './store-summary.js';

/** A source of NDJSON lines that can be read twice: once to verify, once to load. */
export type LineSource = () => AsyncIterable<string>;

async function* eventsOf(lines: LineSource, refused: (why: string) => Error = (why) => new Error(why)): AsyncGenerator<RecordedEvent> {
  let lineNumber = 0;
  for await (const line of lines()) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    let event: RecordedEvent;
    try {
      event = parseNdjsonLine(line, lineNumber);
    } catch (error) {
      throw refused((error as Error).message);
    }
    yield event;
  }
}

/** An export whose every line parses and every chain holds: what importEvents loads. */
export interface VerifiedExport {
  events: number;
  streams: number;
  /** Each stream's last revision and hash in the file, which the store must end with. */
  tails: ReadonlyMap<string, { revision: number; hash: string }>;
  /**
   * The first position the file skips to (it has none between `after` and `to`): the store
   * numbers what it loads 1, 2, 3, …, so from there the copy's positions are not the file's, and a
   * seal taken of the source does not verify it. A one-project export skips; a whole log does not,
   * unless events were taken out of it.
   */
  skipped?: { after: bigint; to: bigint };
}

/**
 * Reads the whole export and verifies it (every line parses, every stream's chain holds, global
 * order is kept), touching no store: a refused file leaves none behind. `file` names it in the
 * refusal, which says that nothing of it was imported.
 */
export const verifyExport = async (lines: LineSource, file: string): Promise<VerifiedExport> => {
  const nothingImported = `nothing of ${file} was imported`;
  const refused = (why: string): Error => new Error(`refused: ${why}; ${nothingImported}`);
  const check = new StreamingChainCheck();
  let lastPosition = 0n;
  let skipped: VerifiedExport['skipped'];
  for await (const event of eventsOf(lines, refused)) {
    if (event.position <= lastPosition) throw refused(`event at position ${event.position} comes after position ${lastPosition}`);
    if (!skipped && event.position !== lastPosition + 1n) skipped = { after: lastPosition, to: event.position };
    lastPosition = event.position;
    const broken = check.check(event);
    if (broken)
      throw brokenChainRefusal(
        broken,
        broken.reason === 'HASH_MISMATCH'
          ? `${nothingImported} (the event is not what its hash covers: the file was changed after it was exported, or written with \`export --unseal\`, whose plaintext the hashes do not cover; import a sealed export as it was written)`
          : nothingImported,
      );
  }
  // An empty file is more likely the wrong one (or an export cut off at once) than a log to start from.
  if (check.events === 0) throw refused('the file holds no events');
  return { events: check.events, streams: check.streams, tails: check.tails, ...(skipped ? { skipped } : {}) };
};

export interface ImportResult {
  events: number;
  streams: number;
}

/**
 * How many of the file's first events an unfinished import (UnfinishedFill) left in the store:
 * each the same (stream, revision, hash) in the same order, or it is refused as another log. A
 * store that is neither empty nor such a beginning is refused too.
 */
const importedBefore = async (store: EventStore, lines: LineSource): Promise<number> => {
  const unfinished = await store.unfinishedFill();
  if (unfinished === undefined) {
    if ((await store.headPosition()) === 0n) return 0;
    throw new Error(`the ${store.name} store is not empty: import only loads into an empty store`);
  }
  const file = eventsOf(lines);
  let done = 0;
  try {
    for await (const stored of eventsAfter(store)) {
      const { value: line } = await file.next();
      if (line?.stream !== stored.stream || line.indexInStream !== stored.indexInStream || line.hash !== stored.hash)
        throw new Error(
          `the ${store.name} store holds the beginning of another log than this file (its event at position ${stored.position} differs): ` +
            `\`${unfinished}\` began filling it and did not finish; run that again, or empty the store; nothing was imported`,
        );
      done += 1;
    }
  } finally {
    await file.return(undefined);
  }
  return done;
};

async function* after<T>(items: AsyncIterable<T>, skipped: number): AsyncGenerator<T> {
  let seen = 0;
  for await (const item of items) if (++seen > skipped) yield item;
}

/**
 * Loads a verified export into an empty store, in file order, one command's events per append, so
 * the target assigns positions in the same order and recomputes the same hashes: every stream's
 * last hash is checked against the file at the end. The store is marked unfinished until then
 * (UnfinishedFill); an import cut short goes on where it stopped when run again.
 */
export const importEvents = async (
  store: EventStore,
  lines: LineSource,
  verified: VerifiedExport,
  onProgress?: (done: number) => void,
  job = 'import',
): Promise<ImportResult> => {
  let done = await importedBefore(store, lines);
  await store.markFill(job);
  for await (const batch of appendBatches(after(eventsOf(lines), done))) {
    await appendBatch(store, batch);
    done += batch.length;
    onProgress?.(done);
  }
  const stored = await summarizeStore(store);
  for (const [stream, tail] of verified.tails) {
    const copy = stored.streams.get(stream);
    if (copy?.count !== tail.revision + 1 || copy.lastHash !== tail.hash)
      throw new Error(
        `${stream}: the store does not end with the file's last hash: it stays marked unfinished, and this file cannot finish it; import into an empty store (another DATA_DIR or DATABASE_SCHEMA)`,
      );
  }
  await store.markFill(undefined);
  return { events: verified.events, streams: verified.streams };
};
