import type { DomainEvent, FieldChange } from '@cf/core';

export const CONTACT_ROLES = ['DECISION_MAKER', 'END_USER', 'PROXY', 'OTHER'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/**
 * Name and email are sealed per contact (encrypted with the contact's own key) before the event is
 * stored; organisation and department are kept in plain (the dashboards group contacts by
 * department) and shown `[forgotten]` once the contact is forgotten (README, "Forgetting a person").
 */
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

/**
 * A correction of who the contact is. `changes` lists each changed field (from, to); each changed
 * field also carries its new value under its own name (absent when unchanged; null = cleared).
 */
export type ContactRevised = DomainEvent<
  'ContactRevised',
  {
    contactId: string;
    projectId: string;
    reason: string;
    changes: FieldChange[];
    role?: ContactRole;
    canApproveScope?: boolean;
    department?: string | null;
    organisation?: string | null;
    at: string;
  }
>;

export type ContactForgotten = DomainEvent<'ContactForgotten', { contactId: string; projectId: string; reason: string; at: string }>;

export type ContactEvent = ContactRegistered | ContactRevised | ContactForgotten;
