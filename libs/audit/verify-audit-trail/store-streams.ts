import type { EventStore } from '@cf/event-store';

const PAGE = 1_000;

/**
 * Every stream name in the store, in the order the streams began, read from the store itself
 * (not the read models, which a tamperer could also have edited).
 */
export const storeStreams = async (store: EventStore): Promise<string[]> => {
  const streams = new Set<string>();
  let after = 0n;
  for (;;) {
    const page = await store.readAll({ after, limit: PAGE, raw: true });
    if (page.length === 0) return [...streams];
    for (const event of page) streams.add(event.stream);
    after = page[page.length - 1].position;
  }
};
