import { DomainError, nonNegativeNumber, requiredText, type Decider } from '@cf/core';
import { decideApproveBaseline, type ApproveBaseline } from './projects.baseline.js';
import type { Actor, ProjectEvent } from './projects.events.js';
import { projectErrors } from './projects.errors.js';
import { addMember, removeMember, type AddMember, type RemoveMember } from './projects.members.js';
import { evolveProject, initialProjectState, type ProjectState } from './projects.state.js';

export type { ApproveBaseline } from './projects.baseline.js';
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

export interface ChangeBudget extends CommandBase {
  readonly type: 'ChangeBudget';
  readonly budgetHours: number;
  readonly reason: string;
}

export type ProjectCommand = OpenProject | AddMember | RemoveMember | ChangeBudget | ApproveBaseline;

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

const changeBudget = (command: ChangeBudget, state: ProjectState): ProjectEvent[] => {
  const toHours = nonNegativeNumber('budgetHours', command.budgetHours);
  const reason = requiredText('reason', command.reason);
  if (toHours === state.budgetHours) {
    throw DomainError.badInput('budgetHours', `is already ${toHours} hours`);
  }
  return [
    {
      type: 'BudgetChanged',
      data: { projectId: state.projectId, fromHours: state.budgetHours, toHours, reason, at: command.at },
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
    case 'ChangeBudget':
      return changeBudget(command, state);
    case 'ApproveBaseline':
      return decideApproveBaseline(command, state);
  }
};

export const projectsDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  initialState: initialProjectState,
  evolve: evolveProject,
  decide: decideProject,
};
