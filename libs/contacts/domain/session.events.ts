import type { DomainEvent, FieldChange } from '@cf/core';

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

/**
 * A correction of a session, always with a reason. `changes` lists each changed field (from, to;
 * developers as `developerIds`); each changed field also carries its new value under its own name
 * (`developers` with their names), absent when unchanged. `voided: true` = it did not happen.
 */
export type ContactSessionCorrected = DomainEvent<
  'ContactSessionCorrected',
  {
    sessionId: string;
    projectId: string;
    reason: string;
    changes: FieldChange[];
    date?: string;
    days?: number;
    kind?: SessionKind;
    developers?: SessionDeveloper[];
    contactIds?: string[];
    voided?: boolean;
    at: string;
  }
>;

export type SessionEvent = ContactSessionLogged | ContactSessionCorrected;
