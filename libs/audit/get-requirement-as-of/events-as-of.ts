import type { RecordedEvent } from '@cf/event-store';

/**
 * A stream's events as they stood at a moment: its first events, up to the first one that
 * happened later. When an event happened is its metadata's occurredAt, which its hash covers; a
 * store's own time column is not covered, so rewriting it must not move the answer. And a state
 * is a fold from the stream's start: an event behind a later one was not yet there, whatever its
 * clock read, so the stream is cut, never filtered.
 */
export const eventsAsOf = (events: readonly RecordedEvent[], asOf: Date): RecordedEvent[] => {
  const firstLater = events.findIndex((event) => Date.parse(event.metadata.occurredAt) > asOf.getTime());
  return firstLater === -1 ? [...events] : events.slice(0, firstLater);
};
