import { DomainError, diffFields, oneOf, optionalText, requiredText, withoutUndefined, nothingToChange } from '@cf/core';
import type { ProjectRole } from '@cf/projects';
import type { Actor } from './actor.js';
import { contactErrors } from './contacts.errors.js';
import { CONTACT_ROLES, type ContactEvent, type ContactRevised } from './contacts.events.js';
import type { ContactState } from './contacts.state.js';

export interface ReviseContact {
  readonly type: 'ReviseContact';
  readonly contactId: string;
  readonly reason: string;
  /** Not given (undefined or null): unchanged. */
  readonly role?: string | null;
  readonly canApproveScope?: boolean | null;
  /** Not given: unchanged; blank: cleared. */
  readonly department?: string | null;
  readonly organisation?: string | null;
  /** The role the sender holds in the contact's project: authority changes take a MANAGER. */
  readonly actorRole: ProjectRole;
  readonly at: string;
  readonly actor: Actor;
}

/** Who the contact is to the project: changing it changes whose word counts. */
export const AUTHORITY_FIELDS = ['role', 'canApproveScope'] as const;
const REVISABLE_FIELDS = [...AUTHORITY_FIELDS, 'department', 'organisation'] as const;
type Revisable = (typeof REVISABLE_FIELDS)[number];

const checkAuthority = (value: unknown): boolean | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw DomainError.badInput('canApproveScope', 'must be true or false');
  return value;
};

/** A given text, trimmed; blank clears it (null). */
const givenText = (value: string | null | undefined): string | null | undefined =>
  value === undefined || value === null ? undefined : (optionalText(value) ?? null);

/** The values the command gives, undefined for those it leaves as they are. */
const givenValues = (command: ReviseContact): Record<Revisable, unknown> => ({
  role: command.role === undefined || command.role === null ? undefined : oneOf('role', command.role, CONTACT_ROLES),
  canApproveScope: checkAuthority(command.canApproveScope),
  department: givenText(command.department),
  organisation: givenText(command.organisation),
});

/**
 * A contact is corrected, never duplicated: the event lists what changed (from, to) and carries
 * each changed field's new value under its own name, so readers take the contact as it now is.
 */
export const reviseContact = (command: ReviseContact, state: ContactState): ContactEvent[] => {
  if (!state.exists) throw contactErrors.contactNotFound(command.contactId);
  const reason = requiredText('reason', command.reason);
  const given = givenValues(command);
  const current = {
    role: state.role,
    canApproveScope: state.canApproveScope,
    department: state.department ?? null,
    organisation: state.organisation ?? null,
  };
  const changes = diffFields(current, given, REVISABLE_FIELDS);
  if (changes.length === 0) throw nothingToChange(given, REVISABLE_FIELDS, ['a role', 'canApproveScope', 'department', 'organisation']);
  const authority = changes.filter((change) => (AUTHORITY_FIELDS as readonly string[]).includes(change.field));
  if (authority.length > 0 && command.actorRole !== 'MANAGER') throw contactErrors.authorityByManager(authority[0].field);
  const changed = Object.fromEntries(changes.map((change) => [change.field, change.to]));
  const data: ContactRevised['data'] = withoutUndefined({
    contactId: state.contactId,
    projectId: state.projectId,
    reason,
    changes,
    ...changed,
    at: command.at,
  });
  return [{ type: 'ContactRevised', data }];
};
