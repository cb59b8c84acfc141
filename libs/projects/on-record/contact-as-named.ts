import type { DomainEvent } from '@cf/core';

/** A contact's stream as the projects context names it: its project (from ContactRegistered) and whether it was forgotten. */
export interface ContactAsNamed {
  readonly projectId: string | null;
  readonly forgotten: boolean;
  /** The day it was forgotten (YYYY-MM-DD): a CUSTOMER login speaking for it ended then. */
  readonly forgottenOn: string | null;
}

/**
 * Folds a contact's stream by its events' names alone: contacts are another context's entities,
 * which depends on this one, and only these facts matter here (a member names a contact; a
 * forgotten contact's CUSTOMER login ends, on the day it was forgotten).
 */
export const contactAsNamed = {
  initialState: (): ContactAsNamed => ({ projectId: null, forgotten: false, forgottenOn: null }),
  evolve: (state: ContactAsNamed, event: DomainEvent): ContactAsNamed => {
    if (event.type === 'ContactRegistered' && typeof event.data.projectId === 'string')
      return { ...state, projectId: event.data.projectId };
    if (event.type !== 'ContactForgotten') return state;
    return { ...state, forgotten: true, forgottenOn: typeof event.data.at === 'string' ? event.data.at.slice(0, 10) : null };
  },
};
