import { streamName } from '@cf/core';
import type { FactsOnRecord } from '@cf/ledger';
import { sessionDecider } from '../domain/session.decide.js';

/** A contact session as the contexts that name one judge it: when it was, whether it took place, who of the customer attended. */
export interface AttendedSession {
  readonly id: string;
  readonly projectId: string;
  readonly date: string;
  /** A voided session did not happen. */
  readonly voided: boolean;
  readonly contactIds: string[];
}

/**
 * A contact session as its stream holds it (null when there is none), for a request asked or
 * confirmed in it, or a promise made in it. Held unmoved till the decision's append: a session
 * voided, or corrected so that someone was not there, on another instance meanwhile makes the
 * decision be taken again.
 */
export const sessionOnRecord = async (onRecord: FactsOnRecord, sessionId: string): Promise<AttendedSession | null> => {
  const { state } = await onRecord.fold(sessionDecider, streamName('session', sessionId));
  return state.exists
    ? { id: state.sessionId, projectId: state.projectId, date: state.date, voided: state.voided, contactIds: [...state.contactIds] }
    : null;
};
