import { DomainError } from '@cf/core';
import type { RecordedEvent } from '@cf/event-store';
import { type EventSourcing, PROJECTION_WAIT_MS } from './event-sourcing.service.js';

/** Pages of the log read past the head the read models were brought to: a handful of events, seldom more. */
const PAGE = 500;

/**
 * Brings this instance's read models up to the log's head as it is now, whichever instance
 * appended what it holds, and answers that head: a decision that must see every fact of a kind
 * (a project's requirements, a member's sessions) reads them there, and what came since from the
 * log (eventsPast). UNAVAILABLE, nothing done, when they do not reach it in time; `sendAgain`
 * says what to send again.
 */
export const readModelsAtHead = async (eventSourcing: Pick<EventSourcing, 'store' | 'runner'>, sendAgain: string): Promise<bigint> => {
  const head = await eventSourcing.store.headPosition();
  if (!(await eventSourcing.runner.waitFor(head, PROJECTION_WAIT_MS))) {
    throw DomainError.unavailable(
      `This instance's read models have not reached the log's head (position ${head}) yet: nothing was done; send ${sendAgain} again`,
    );
  }
  return head;
};

/**
 * The events the log holds past `head` that `wanted` keeps, in the log's order: what read models
 * brought to `head` lack; and the position read to, which a decision holds (UnchangedSince) so
 * that no such event lands between this read and its append.
 */
export const eventsPast = async (
  eventSourcing: Pick<EventSourcing, 'store'>,
  head: bigint,
  wanted: (event: RecordedEvent) => boolean,
): Promise<{ kept: RecordedEvent[]; readTo: bigint }> => {
  const kept: RecordedEvent[] = [];
  for (let after = head; ;) {
    const page = await eventSourcing.store.readAll({ after, limit: PAGE });
    kept.push(...page.filter(wanted));
    if (page.length > 0) after = page[page.length - 1].position;
    if (page.length < PAGE) return { kept, readTo: after };
  }
};
