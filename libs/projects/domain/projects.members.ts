import { dateOf, oneOf, pastOrPresentDate, referencedFact, requiredText } from '@cf/core';
import { PROJECT_ROLES, type Actor, type ProjectEvent, type ProjectRole } from './projects.events.js';
import { projectErrors } from './projects.errors.js';
import { allowedRole } from './project-roles.js';
import { evolveProject, memberOf, roleOf, type ProjectState } from './projects.state.js';

export interface AddMember {
  readonly type: 'AddMember';
  readonly projectId: string;
  readonly at: string;
  readonly actor: Actor;
  readonly userId: string;
  readonly name: string;
  readonly role: ProjectRole;
  readonly contactId?: string | null;
  /** The contact named by contactId as the handler found it; null when it does not exist. */
  readonly contact?: { readonly id: string; readonly projectId: string; readonly forgotten?: boolean } | null;
  /** The day they joined (YYYY-MM-DD); the day of `at` when not given. */
  readonly since?: string | null;
  /**
   * When the user is a CUSTOMER member speaking for a contact since forgotten: the day it was
   * forgotten, as the handler read it from the contact's stream. Their login ended that day.
   */
  readonly memberContactForgottenOn?: string | null;
}

export interface RemoveMember {
  readonly type: 'RemoveMember';
  readonly projectId: string;
  readonly at: string;
  readonly actor: Actor;
  readonly userId: string;
  readonly reason: string;
  /** Their last day as a member (YYYY-MM-DD); the day of `at` when not given. */
  readonly until?: string | null;
  /** The last day they spent with the project's customers in a session that took place, if any. */
  readonly lastDayWithCustomers?: string | null;
}

/**
 * Who may change the team is the project's stream's, not a read model's (which may lag a manager
 * removed a moment ago on another instance): the command is appended to the stream it is judged on.
 */
const byManager = (command: AddMember | RemoveMember, state: ProjectState, action: string): void => {
  allowedRole(roleOf(state, command.actor.userId), ['MANAGER'], action);
};

/**
 * A CUSTOMER member whose contact was forgotten lost their login that day; the project's stream
 * still lists them. Adding the user again records that end first (MemberRemoved, until the day
 * of forgetting), so the stream and the read models tell one story and the stays never overlap.
 */
const endedByForgetting = (command: AddMember, state: ProjectState): ProjectEvent[] => {
  const member = memberOf(state, command.userId);
  const on = command.memberContactForgottenOn;
  if (!member?.contactId || !on) return [];
  const reason = 'The contact they spoke for was forgotten';
  // Days come from the clocks of the instances that added and forgot: one behind by a day could
  // date the forgetting before the stay began, and a stay never ends before it starts.
  const until = member.since !== undefined && member.since > on ? member.since : on;
  return [{ type: 'MemberRemoved', data: { projectId: state.projectId, userId: member.userId, reason, until, at: command.at } }];
};

export const addMember = (command: AddMember, before: ProjectState): ProjectEvent[] => {
  byManager(command, before, 'add members');
  const userId = requiredText('userId', command.userId);
  const name = requiredText('name', command.name);
  const role = oneOf('role', command.role, PROJECT_ROLES);
  const since = pastOrPresentDate('since', command.since ?? dateOf(command.at), command.at);
  const ended = endedByForgetting(command, before);
  const state = ended.reduce(evolveProject, before);
  // By user id: the name sent is the new one, and the member's own may be sealed personal data.
  if (roleOf(state, userId) !== undefined) throw projectErrors.alreadyMember(userId);
  // Stays say who someone was on a day: two that overlap would say it twice. On the day one ends
  // another may start (a new role from that day: the later stay counts, as stayFor reads it).
  const lastDay = state.lastDays[userId];
  if (lastDay !== undefined && since < lastDay) throw projectErrors.staysDoNotOverlap(name, lastDay);
  const contactId = command.contactId ?? command.contact?.id ?? undefined;
  if (role === 'CUSTOMER' && contactId === undefined) throw projectErrors.customerMemberNamesContact();
  // The link says which contact a customer member is; a team member who named one would read as that contact.
  if (role !== 'CUSTOMER' && contactId !== undefined) throw projectErrors.onlyCustomerMemberNamesContact(role);
  if (contactId !== undefined) {
    referencedFact({ entity: 'Contact', field: 'contactId' }, contactId, command.contact, state.projectId);
    // A contact is one person: a second login speaking as them would confirm requests with their
    // authority and answer their status reports, and nobody could tell the two apart.
    const speaking = state.members.find((member) => member.contactId === contactId);
    if (speaking) throw projectErrors.contactHasMember(contactId, speaking.name);
    const spokeUntil = state.contactLastDays[contactId];
    if (spokeUntil !== undefined && since < spokeUntil) throw projectErrors.contactStaysDoNotOverlap(contactId, spokeUntil);
  }
  const data = { projectId: state.projectId, userId, name, role };
  return [...ended, { type: 'MemberAdded', data: { ...data, ...(contactId === undefined ? {} : { contactId }), since } }];
};

/** A member leaves with a reason; the project always keeps a manager to run it. */
export const removeMember = (command: RemoveMember, state: ProjectState): ProjectEvent[] => {
  byManager(command, state, 'remove members');
  const member = memberOf(state, command.userId);
  if (!member) throw projectErrors.memberNotFound(command.userId);
  const reason = requiredText('reason', command.reason);
  const until = pastOrPresentDate('until', command.until ?? dateOf(command.at), command.at);
  if (member.since !== undefined && until < member.since) throw projectErrors.untilAfterSince(member.since);
  // A developer is never on record with customers on a day after they left.
  const lastDay = command.lastDayWithCustomers;
  if (lastDay != null && until < lastDay) throw projectErrors.untilAfterSessions(member.name, lastDay);
  const managers = state.members.filter((m) => m.role === 'MANAGER');
  if (member.role === 'MANAGER' && managers.length === 1) throw projectErrors.projectKeepsAManager(member.name);
  return [{ type: 'MemberRemoved', data: { projectId: state.projectId, userId: member.userId, reason, until, at: command.at } }];
};
