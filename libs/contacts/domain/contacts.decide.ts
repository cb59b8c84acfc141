import { DomainError, oneOf, optionalText, requiredText, withoutUndefined, type Decider } from '@cf/core';
import type { ProjectRole } from '@cf/projects';
import { CONTACT_ROLES, type ContactEvent, type ContactRole } from './contacts.events.js';
import type { Actor } from './actor.js';
import { contactErrors } from './contacts.errors.js';
import { reviseContact, type ReviseContact } from './contacts.revise.js';
import { evolveContact, initialContactState, type ContactState } from './contacts.state.js';

export type { ReviseContact } from './contacts.revise.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type { Actor } from './actor.js';

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
  /** The role the sender holds in the project: only a MANAGER gives a contact authority. */
  readonly actorRole: ProjectRole;
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

export type ContactCommand = RegisterContact | ReviseContact | ForgetContact;

const registerContact = (command: RegisterContact, state: ContactState): ContactEvent[] => {
  if (state.exists) throw contactErrors.contactAlreadyExists(command.contactId);
  const name = requiredText('name', command.name);
  const email = optionalText(command.email);
  if (email !== undefined && !EMAIL.test(email)) {
    throw DomainError.badInput('email', 'does not look like an email address');
  }
  const role = oneOf('role', command.role, CONTACT_ROLES);
  if (typeof command.canApproveScope !== 'boolean') {
    throw DomainError.badInput('canApproveScope', 'must be true or false');
  }
  if (command.canApproveScope && command.actorRole !== 'MANAGER') throw contactErrors.authorityByManager('canApproveScope');
  const data = withoutUndefined({
    contactId: command.contactId,
    projectId: command.projectId,
    name,
    email,
    organisation: optionalText(command.organisation),
    department: optionalText(command.department),
    role,
    canApproveScope: command.canApproveScope,
    at: command.at,
  });
  return [{ type: 'ContactRegistered', data }];
};

const forgetContact = (command: ForgetContact, state: ContactState): ContactEvent[] => {
  if (!state.exists) throw contactErrors.contactNotFound(command.contactId);
  const reason = requiredText('reason', command.reason);
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
    case 'ReviseContact':
      return reviseContact(command, state);
    case 'ForgetContact':
      return forgetContact(command, state);
  }
};

export const contactsDecider: Decider<ContactCommand, ContactEvent, ContactState> = {
  initialState: initialContactState,
  evolve: evolveContact,
  decide: decideContact,
};
