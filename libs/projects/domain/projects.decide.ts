import { DomainError, nonNegativeNumber, requiredText, type Decider, nonNegativeHours } from '@cf/core';
import type { Actor, ProjectEvent } from './projects.events.js';
import { projectErrors } from './projects.errors.js';
import { addMember, removeMember, type AddMember, type RemoveMember } from './projects.members.js';
import { evolveProject, initialProjectState, type ProjectState } from './projects.state.js';

export type { AddMember, RemoveMember } from './projects.members.js';

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

export type ProjectCommand = OpenProject | AddMember | RemoveMember;

const MAX_CONTACT_DAYS_IN_A_MONTH = 31;

/** Contact days are counted in half days, and a month has at most 31: a target is met or missed in those steps. */
const contactDaysTargetOf = (value: unknown): number => {
  const target = nonNegativeNumber('contactDaysTarget', value);
  if (!Number.isInteger(target * 2)) throw DomainError.badInput('contactDaysTarget', 'must be in steps of half a day');
  if (target > MAX_CONTACT_DAYS_IN_A_MONTH)
    throw DomainError.badInput('contactDaysTarget', `must be at most ${MAX_CONTACT_DAYS_IN_A_MONTH}`);
  return target;
};

const openProject = (command: OpenProject, state: ProjectState): ProjectEvent[] => {
  if (state.exists) throw projectErrors.projectAlreadyExists(command.projectId);
  const name = requiredText('name', command.name);
  const customerName = requiredText('customerName', command.customerName);
  const budgetHours = nonNegativeHours('budgetHours', command.budgetHours);
  const contactDaysTarget = contactDaysTargetOf(command.contactDaysTarget ?? DEFAULT_CONTACT_DAYS_TARGET);
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

export const decideProject = (command: ProjectCommand, state: ProjectState): ProjectEvent[] => {
  if (command.type === 'OpenProject') return openProject(command, state);
  if (!state.exists) throw projectErrors.projectNotFound(command.projectId);
  switch (command.type) {
    case 'AddMember':
      return addMember(command, state);
    case 'RemoveMember':
      return removeMember(command, state);
  }
};

export const projectsDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  initialState: initialProjectState,
  evolve: evolveProject,
  decide: decideProject,
};
