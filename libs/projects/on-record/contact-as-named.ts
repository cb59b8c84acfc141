import type { DomainEvent } from '@cf/core';

/** A contact's stream as the projects context names it: its project (from ContactRegistered) and whether it was forgotten. */
export interface ContactAsNamed {
  readonly projectId: string | null;
  readonly forgotten: boolean;
}

/**
 * Folds a contact's stream by its events' names alone: contacts are another context's entities,
 * which depends on this one, and only these two facts matter here (a member names a contact; a
 * forgotten contact's CUSTOMER login ends).
 */
export const contactAsNamed = {
  initialState: (): ContactAsNamed => ({ projectId: null, forgotten: false }),
  evolve: (state: ContactAsNamed, event: DomainEvent): ContactAsNamed => {
    if (event.type === 'ContactRegistered' && typeof event.data.projectId === 'string')
      return { ...state, projectId: event.data.projectId };
    return event.type === 'ContactForgotten' ? { ...state, forgotten: true } : state;
  },
};
