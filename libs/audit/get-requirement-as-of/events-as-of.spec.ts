import type { RecordedEvent } from '@cf/event-store';
import { eventsAsOf } from './events-as-of.js';

const at = (indexInStream: number, occurredAt: string): RecordedEvent =>
  ({ stream: 'requirement-r', indexInStream, metadata: { occurredAt } }) as RecordedEvent;

describe('eventsAsOf', () => {
  const stream = [at(0, '2026-03-01T10:00:00.000Z'), at(1, '2026-03-02T10:00:00.000Z'), at(2, '2026-03-03T10:00:00.000Z')];

  it('keeps the events that happened at or before the moment', () => {
    expect(eventsAsOf(stream, new Date('2026-03-02T10:00:00.000Z')).map((e) => e.indexInStream)).toEqual([0, 1]);
    expect(eventsAsOf(stream, new Date('2026-03-01T09:59:59.999Z'))).toEqual([]);
    expect(eventsAsOf(stream, new Date('2999-01-01T00:00:00.000Z'))).toHaveLength(3);
  });

  it('stops at the first later event: one behind it whose clock read earlier was not yet there', () => {
    const skewed = [stream[0], at(1, '2026-03-05T10:00:00.000Z'), at(2, '2026-03-02T10:00:00.000Z')];
    expect(eventsAsOf(skewed, new Date('2026-03-03T00:00:00.000Z')).map((e) => e.indexInStream)).toEqual([0]);
  });
});
