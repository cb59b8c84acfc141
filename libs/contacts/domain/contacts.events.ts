import type { DomainEvent } from '@cf/core';
import { SESSION_EVENT_TYPES } from './session.events.js';

export const CONTACT_ROLES = ['DECISION_MAKER', 'END_USER', 'PROXY', 'OTHER'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** Personal fields (name, email, organisation, department) are encrypted per contact by the store. */
export type ContactRegistered = DomainEvent<
  'ContactRegistered',
  {
    contactId: string;
    projectId: string;
    name: string;
    email?: string;
    organisation?: string;
    department?: string;
    role: ContactRole;
    canApproveScope: boolean;
    at: string;
  }
>;

export type ContactForgotten = DomainEvent<
  'ContactForgotten',
  { contactId: string; projectId: string; reason: string; at: string }
>;

export type ContactEvent = ContactRegistered | ContactForgotten;

/** The event types of the `contact-<id>` streams. */
export const CONTACT_EVENT_TYPES = ['ContactRegistered', 'ContactForgotten'] as const satisfies readonly ContactEvent['type'][];

/** Every event type of the contacts context (contact and session streams). */
export const CONTACTS_EVENT_TYPES = [...CONTACT_EVENT_TYPES, ...SESSION_EVENT_TYPES] as const;
