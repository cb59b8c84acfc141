import type { RecordedEvent } from '@cf/event-store';
import { checkSeal, projectChainHead } from './project-chain.js';

/** An event of a project's budget stream at `position`, the stream's `index`-th. */
const budgetEvent = (position: number, index: number): RecordedEvent =>
  ({
    position: BigInt(position),
    stream: 'budget-p',
    indexInStream: index,
    hash: `h${position}`,
    metadata: { occurredAt: '2026-03-01T10:00:00.000Z' },
  }) as RecordedEvent;

describe('checkSeal', () => {
  // Three commitments' first events: each its entity's revision 1, the stream's 1st, 2nd and 3rd.
  const events = [budgetEvent(4, 0), budgetEvent(7, 1), budgetEvent(9, 2)];
  const places = events.map((e) => ({ position: Number(e.position), stream: e.stream, revision: 1, hash: e.hash }));
  const seal = projectChainHead(events)!;

  it('holds for the events it sealed', () => {
    expect(checkSeal(events, seal, places)).toBeNull();
  });

  it("names a missing event by its stream's revision and its position, not by its commitment's revision", () => {
    expect(checkSeal([events[0], events[2]], seal, places)).toEqual({
      stream: 'budget-p',
      indexInStream: 1,
      position: 7n,
      reason: 'MISSING_EVENT',
    });
    expect(checkSeal(events.slice(0, 2), seal, places)).toMatchObject({ indexInStream: 2, position: 9n, reason: 'MISSING_EVENT' });
  });
});
