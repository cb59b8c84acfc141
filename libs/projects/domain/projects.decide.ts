import { nonNegativeNumber, oneOf, referencedFact, requiredText, type Decider } from '@cf/core';
import { PROJECT_ROLES, type Actor, type ProjectEvent, type ProjectRole } from './projects.events.js';
import { projectErrors } from './projects.errors.js';
import { evolveProject, initialProjectState, roleOf, type ProjectState } from './projects.state.js';

export const DEFAULT_CONTACT_DAYS_TARGET = 2;

interface CommandBase {
  readonly projectId: string;
  readonly at: string;
  readonly actor: Actor;
}

export interface OpenProject extends CommandBase {
  readonly type: 'OpenProject';
  readonly name: string;
  readonly customerName: string;
  readonly budgetHours: number;
  /** Contact days per developer per month; 2 when not given. */
  readonly contactDaysTarget?: number | null;
}

export interface AddMember extends CommandBase {
  readonly type: 'AddMember';
  readonly userId: string;
  readonly name: string;
  readonly role: ProjectRole;
  readonly contactId?: string | null;
  /** The contact named by contactId as the handler found it; null when it does not exist. */
  readonly contact?: { readonly id: string; readonly projectId: string } | null;
}

export type ProjectCommand = OpenProject | AddMember;

const openProject = (command: OpenProject, state: ProjectState): ProjectEvent[] => {
  if (state.exists) throw projectErrors.projectAlreadyExists(command.projectId);
  const name = requiredText('name', command.name);
  const customerName = requiredText('customerName', command.customerName);
  const budgetHours = nonNegativeNumber('budgetHours', command.budgetHours);
  const contactDaysTarget = nonNegativeNumber(
    'contactDaysTarget',
    command.contactDaysTarget ?? DEFAULT_CONTACT_DAYS_TARGET,
  );
  const { userId, name: actorName } = command.actor;
  return [
    {
      type: 'ProjectOpened',
      data: {
        projectId: command.projectId,
        name,
        customerName,
        budgetHours,
        contactDaysTarget,
        openedBy: { userId, name: actorName },
        at: command.at,
      },
    },
  ];
};

const addMember = (command: AddMember, state: ProjectState): ProjectEvent[] => {
  const userId = requiredText('userId', command.userId);
  const name = requiredText('name', command.name);
  const role = oneOf('role', command.role, PROJECT_ROLES);
  if (roleOf(state, userId) !== undefined) throw projectErrors.alreadyMember(name);
  const contactId = command.contactId ?? command.contact?.id ?? undefined;
  if (role === 'CUSTOMER' && contactId === undefined) throw projectErrors.customerMemberNamesContact();
  if (contactId !== undefined) {
    referencedFact('Contact', contactId, command.contact, state.projectId, (entity, id) =>
      projectErrors.sameProject(`${entity} ${id}`),
    );
  }
  const data = { projectId: state.projectId, userId, name, role };
  return [{ type: 'MemberAdded', data: contactId === undefined ? data : { ...data, contactId } }];
};

export const decideProject = (command: ProjectCommand, state: ProjectState): ProjectEvent[] => {
  if (command.type === 'OpenProject') return openProject(command, state);
  if (!state.exists) throw projectErrors.projectNotFound(command.projectId);
  switch (command.type) {
    case 'AddMember':
      return addMember(command, state);
  }
};

export const projectsDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  initialState: initialProjectState,
  evolve: evolveProject,
  decide: decideProject,
};
