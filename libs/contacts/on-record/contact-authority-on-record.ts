import { FORGOTTEN, streamName } from '@cf/core';
import { NO_POSITION, type PositionedEvent } from '@cf/event-store';
import type { FactsOnRecord } from '@cf/ledger';
import type { ContactEvent } from '../domain/contacts.events.js';

/**
 * Who a contact is and whether they could approve scope at each point of the log: a revised
 * authority counts from its event on, so what was asked before keeps the authority it had then.
 */
export interface ContactAuthority {
  readonly exists: boolean;
  readonly name: string;
  /** Each change of authority with the global position it took effect at, in order (registration first). */
  readonly changes: readonly { readonly position: bigint; readonly canApproveScope: boolean }[];
}

const initialState = (): ContactAuthority => ({ exists: false, name: '', changes: [] });

const evolve = (state: ContactAuthority, event: PositionedEvent<ContactEvent>): ContactAuthority => {
  switch (event.type) {
    case 'ContactRegistered':
      return { exists: true, name: event.data.name, changes: [{ position: event.position, canApproveScope: event.data.canApproveScope }] };
    case 'ContactRevised': {
      const { canApproveScope } = event.data;
      return canApproveScope === undefined
        ? state
        : { ...state, changes: [...state.changes, { position: event.position, canApproveScope }] };
    }
    case 'ContactForgotten':
      // Nothing new may carry a forgotten person's name, sealed or not.
      return { ...state, name: FORGOTTEN };
    default:
      return state;
  }
};

/** Folds a contact's stream into its authority over time (its own decider: the fold cache keeps it apart from the contact's state). */
export const contactAuthorityDecider = { initialState, evolve };

/** Whether the contact could approve scope just before the event at `position` (an event of another stream). */
export const couldApproveScopeAt = (contact: ContactAuthority, position: bigint): boolean => {
  // A store that reads a stream without global positions (EventStoreDB before 22.6) cannot order these: never guess.
  if (position === NO_POSITION || contact.changes.some((change) => change.position === NO_POSITION)) {
    throw new Error('The event store gave no global positions for stream reads: authority at a point of the log cannot be judged');
  }
  return contact.changes.findLast((change) => change.position < position)?.canApproveScope ?? false;
};

/** A contact's authority over time from their stream, held unmoved till the decision's append; null when there is none. */
export const contactAuthorityOnRecord = async (onRecord: FactsOnRecord, contactId: string): Promise<ContactAuthority | null> => {
  const { state } = await onRecord.fold(contactAuthorityDecider, streamName('contact', contactId));
  return state.exists ? state : null;
};
