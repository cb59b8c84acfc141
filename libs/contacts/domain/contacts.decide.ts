import { DomainError, type Decider } from '@cf/core';
import { CONTACT_ROLES, type ContactEvent, type ContactRole } from './contacts.events.js';
import { contactErrors } from './contacts.errors.js';
import { looksLikeEmail, optionalText, requireText, withoutUndefined } from './contacts.guards.js';
import { evolveContact, initialContactState, type ContactState } from './contacts.state.js';

export interface Actor {
  readonly userId: string;
  readonly name: string;
}

export interface RegisterContact {
  readonly type: 'RegisterContact';
  readonly contactId: string;
  readonly projectId: string;
  readonly name: string;
  readonly email?: string | null;
  readonly organisation?: string | null;
  readonly department?: string | null;
  readonly role: ContactRole;
  readonly canApproveScope: boolean;
  readonly at: string;
  readonly actor: Actor;
}

export interface ForgetContact {
  readonly type: 'ForgetContact';
  readonly contactId: string;
  readonly reason: string;
  readonly at: string;
  readonly actor: Actor;
}

export type ContactCommand = RegisterContact | ForgetContact;

const registerContact = (command: RegisterContact, state: ContactState): ContactEvent[] => {
  if (state.exists) throw contactErrors.contactAlreadyExists(command.contactId);
  const name = requireText('name', command.name);
  const email = optionalText(command.email);
  if (email !== undefined && !looksLikeEmail(email)) {
    throw DomainError.badInput('email', 'does not look like an email address');
  }
  if (!CONTACT_ROLES.includes(command.role)) {
    throw DomainError.badInput('role', `must be one of ${CONTACT_ROLES.join(', ')}`);
  }
  if (typeof command.canApproveScope !== 'boolean') {
    throw DomainError.badInput('canApproveScope', 'must be true or false');
  }
  const data = withoutUndefined({
    contactId: command.contactId,
    projectId: command.projectId,
    name,
    email,
    organisation: optionalText(command.organisation),
    department: optionalText(command.department),
    role: command.role,
    canApproveScope: command.canApproveScope,
    at: command.at,
  });
  return [{ type: 'ContactRegistered', data }];
};

const forgetContact = (command: ForgetContact, state: ContactState): ContactEvent[] => {
  if (!state.exists) throw contactErrors.contactNotFound(command.contactId);
  const reason = requireText('reason', command.reason);
  return [
    {
      type: 'ContactForgotten',
      data: { contactId: state.contactId, projectId: state.projectId, reason, at: command.at },
    },
  ];
};

export const decideContact = (command: ContactCommand, state: ContactState): ContactEvent[] => {
  if (state.forgotten) throw contactErrors.contactForgotten();
  switch (command.type) {
    case 'RegisterContact':
      return registerContact(command, state);
    case 'ForgetContact':
      return forgetContact(command, state);
  }
};

export const contactsDecider: Decider<ContactCommand, ContactEvent, ContactState> = {
  initialState: initialContactState,
  evolve: evolveContact,
  decide: decideContact,
};
