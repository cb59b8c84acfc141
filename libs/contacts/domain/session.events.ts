import type { DomainEvent } from '@cf/core';

export const SESSION_KINDS = ['ON_SITE', 'REMOTE', 'WORKSHOP'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export interface SessionDeveloper {
  readonly userId: string;
  readonly name: string;
}

export type ContactSessionLogged = DomainEvent<
  'ContactSessionLogged',
  {
    sessionId: string;
    projectId: string;
    /** Calendar date YYYY-MM-DD. */
    date: string;
    /** In steps of 0.5. */
    days: number;
    kind: SessionKind;
    developers: SessionDeveloper[];
    contactIds: string[];
    notes?: string;
    at: string;
  }
>;

export type SessionEvent = ContactSessionLogged;

export const SESSION_EVENT_TYPES = ['ContactSessionLogged'] as const satisfies readonly SessionEvent['type'][];
