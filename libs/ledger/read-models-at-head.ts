import { DomainError } from '@cf/core';
import { type RecordedEvent, type UnchangedSince, breaks } from '@cf/event-store';
import { type EventSourcing, PROJECTION_WAIT_MS } from './event-sourcing.service.js';
import type { FactsOnRecord } from './facts-on-record.js';

/** Pages of the log read past the head the read models were brought to: a handful of events, seldom more. */
const PAGE = 500;

/** A kind of facts of one project: every session of it, every requirement. */
export type KindOfFacts = Omit<UnchangedSince, 'after'>;

/**
 * Brings this instance's read models up to the log's head as it is now, whichever instance
 * appended what it holds, and answers that head. UNAVAILABLE, nothing done, when they do not reach
 * it in time; `sendAgain` says what to send again.
 */
const readModelsAtHead = async (eventSourcing: Pick<EventSourcing, 'store' | 'runner'>, sendAgain: string): Promise<bigint> => {
  const head = await eventSourcing.store.headPosition();
  if (!(await eventSourcing.runner.waitFor(head, PROJECTION_WAIT_MS))) {
    throw DomainError.unavailable(
      `This instance's read models have not reached the log's head (position ${head}) yet: nothing was done; send ${sendAgain} again`,
    );
  }
  return head;
};

/**
 * For a decision that must see every fact of a kind (a project's requirements, its sessions):
 * brings the read models up to the log's head, from which the caller then reads the kind, and
 * answers the kind's events the log holds past that head, which they may lack, in the log's order.
 * The kind is held unchanged on `onRecord` from the last position read to the append
 * (UnchangedSince), so one changed meanwhile, on any instance, makes the decision be taken again.
 * Reading and holding are one step: no decision reads a kind whole without holding it.
 */
export const kindPastReadModels = async (
  eventSourcing: Pick<EventSourcing, 'store' | 'runner'>,
  onRecord: FactsOnRecord,
  kind: KindOfFacts,
  sendAgain: string,
): Promise<RecordedEvent[]> => {
  const head = await readModelsAtHead(eventSourcing, sendAgain);
  const pastHead: UnchangedSince = { ...kind, after: head };
  const past: RecordedEvent[] = [];
  for (let after = head; ;) {
    const page = await eventSourcing.store.readAll({ after, limit: PAGE });
    past.push(...page.filter((event) => breaks(pastHead, event)));
    if (page.length > 0) after = page[page.length - 1].position;
    if (page.length < PAGE) {
      onRecord.holdUnchangedSince({ ...kind, after });
      return past;
    }
  }
};
