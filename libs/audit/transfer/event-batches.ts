import { type EventStore, type RecordedEvent, canonicalJson } from '@cf/event-store';

/** Every event after a position, in global order, as stored (not upcast). */
export async function* eventsAfter(store: EventStore, after = 0n, pageSize = 500): AsyncGenerator<RecordedEvent> {
  for (let from = after; ;) {
    const page = await store.readAll({ after: from, limit: pageSize, raw: true });
    yield* page;
    if (page.length < pageSize) return;
    from = page[page.length - 1].position;
  }
}

/**
 * Consecutive events of one stream with the same metadata were appended by one command: they
 * are copied by one append again, so the copy keeps each command atomic and its idempotency key.
 */
export async function* appendBatches(events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>): AsyncGenerator<RecordedEvent[]> {
  let batch: RecordedEvent[] = [];
  let batchMetadata = '';
  for await (const event of events) {
    const metadata = canonicalJson(event.metadata);
    if (batch.length > 0 && (event.stream !== batch[0].stream || metadata !== batchMetadata)) {
      yield batch;
      batch = [];
    }
    batchMetadata = metadata;
    batch.push(event);
  }
  if (batch.length > 0) yield batch;
}

/**
 * Appends a batch at exactly the revisions it had: the target recomputes the hash chain over
 * the same content, so a faithful copy has the same hashes (checked by the caller).
 */
export const appendBatch = async (store: EventStore, batch: readonly RecordedEvent[]): Promise<bigint> => {
  const first = batch[0];
  const { idempotencyKey } = first.metadata;
  const result = await store.append(
    first.stream,
    batch.map((event) => ({ type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata })),
    {
      expectedLastIndex: first.indexInStream === 0 ? 'no_stream' : first.indexInStream - 1,
      idempotency: idempotencyKey ? { userId: first.metadata.actor.userId, key: idempotencyKey } : undefined,
    },
  );
  return result.position;
};
