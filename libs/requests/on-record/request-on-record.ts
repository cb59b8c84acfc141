import { dateOf, streamName } from '@cf/core';
import type { PositionedEvent } from '@cf/event-store';
import type { FactsOnRecord } from '@cf/ledger';
import type { RequestChannel, RequestEvent } from '../domain/requests.events.js';

/**
 * First-hand word that a contact asked for a request: it was raised DIRECT in a session
 * (`sessionId`) or WRITTEN (none), or they confirmed it in a session or as the CUSTOMER member.
 * It counts as asked with authority when the contact could approve scope just before `position`
 * and, where it rests on a session, that session took place with them there — for a confirmation,
 * on or after the day the request was raised (`notBefore`), as confirming requires.
 */
export interface FirstHandWord {
  readonly contactId: string;
  readonly sessionId?: string;
  readonly position: bigint;
  readonly notBefore?: string;
}

/** A request as a decision resting on it needs it: where it belongs, how it came, whether it was withdrawn, who asked first-hand. */
export interface RequestOnRecord {
  readonly exists: boolean;
  readonly requestId: string;
  readonly projectId: string;
  readonly requestedById: string;
  /** Who passed on a PROXY request: its reasons name them beside its requester. */
  readonly relayedById?: string;
  /** How it reached the team: a requirement changed on a PROXY request rests on someone else's word. */
  readonly channel: RequestChannel | null;
  readonly withdrawn: boolean;
  /** The day it was raised (YYYY-MM-DD): no session before it can hold a confirmation. */
  readonly raisedOn: string;
  readonly firstHand: readonly FirstHandWord[];
}

const initialState = (): RequestOnRecord => ({
  exists: false,
  requestId: '',
  projectId: '',
  requestedById: '',
  channel: null,
  withdrawn: false,
  raisedOn: '',
  firstHand: [],
});

const evolve = (state: RequestOnRecord, event: PositionedEvent<RequestEvent>): RequestOnRecord => {
  switch (event.type) {
    case 'RequestRaised': {
      const { requestId, projectId, requestedById, relayedById, channel, sessionId, at } = event.data;
      // A PROXY request is someone else's word: only the requester's confirmation makes it first-hand.
      const word = { contactId: requestedById, position: event.position, ...(channel === 'DIRECT' && sessionId ? { sessionId } : {}) };
      const firstHand = channel === 'PROXY' ? [] : [word];
      const relay = relayedById === undefined ? {} : { relayedById };
      return { exists: true, requestId, projectId, requestedById, ...relay, channel, withdrawn: false, raisedOn: dateOf(at), firstHand };
    }
    case 'RequestConfirmed': {
      const { contactId, sessionId } = event.data;
      const word = { contactId, position: event.position, ...(sessionId ? { sessionId, notBefore: state.raisedOn } : {}) };
      return { ...state, firstHand: [...state.firstHand, word] };
    }
    case 'RequestWithdrawn':
      return { ...state, withdrawn: true };
    default:
      return state;
  }
};

/** Folds a request's stream into what a promise resting on it is judged on (its own decider, apart from the request's state). */
export const requestOnRecordDecider = { initialState, evolve };

/** A request from its stream, held unmoved till the decision's append; null when there is none. */
export const requestOnRecord = async (onRecord: FactsOnRecord, requestId: string): Promise<RequestOnRecord | null> => {
  const { state } = await onRecord.fold(requestOnRecordDecider, streamName('request', requestId));
  return state.exists ? state : null;
};
