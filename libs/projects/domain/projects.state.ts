import type { Actor, BaselineRequirement, ProjectEvent, ProjectRole } from './projects.events.js';

export interface ProjectMember {
  readonly userId: string;
  readonly name: string;
  readonly role: ProjectRole;
  readonly contactId?: string;
}

export interface Baseline {
  readonly baselineId: string;
  readonly name: string;
  readonly approvedBy: Actor;
  readonly countersignedById: string;
  readonly requirements: readonly BaselineRequirement[];
  readonly totalHours: number;
  readonly at: string;
}

export interface ProjectState {
  readonly exists: boolean;
  readonly projectId: string;
  readonly name: string;
  readonly customerName: string;
  readonly budgetHours: number;
  readonly contactDaysTarget: number;
  readonly openedAt?: string;
  readonly members: readonly ProjectMember[];
  readonly baselines: readonly Baseline[];
  readonly latestBaseline: Baseline | null;
}

export const initialProjectState = (): ProjectState => ({
  exists: false,
  projectId: '',
  name: '',
  customerName: '',
  budgetHours: 0,
  contactDaysTarget: 0,
  members: [],
  baselines: [],
  latestBaseline: null,
});

export const evolveProject = (state: ProjectState, event: ProjectEvent): ProjectState => {
  switch (event.type) {
    case 'ProjectOpened': {
      const { projectId, name, customerName, budgetHours, contactDaysTarget, openedBy, at } = event.data;
      return {
        ...state,
        exists: true,
        projectId,
        name,
        customerName,
        budgetHours,
        contactDaysTarget,
        openedAt: at,
        members: [{ userId: openedBy.userId, name: openedBy.name, role: 'MANAGER' }],
      };
    }
    case 'MemberAdded': {
      const { userId, name, role, contactId } = event.data;
      const member: ProjectMember = contactId === undefined ? { userId, name, role } : { userId, name, role, contactId };
      return { ...state, members: [...state.members, member] };
    }
    case 'BudgetChanged':
      return { ...state, budgetHours: event.data.toHours };
    case 'BaselineApproved': {
      const { baselineId, name, approvedBy, countersignedById, requirements, totalHours, at } = event.data;
      const baseline: Baseline = { baselineId, name, approvedBy, countersignedById, requirements, totalHours, at };
      return { ...state, baselines: [...state.baselines, baseline], latestBaseline: baseline };
    }
    default:
      return state;
  }
};

/** The role a user holds in the project, or undefined when they are not a member. */
export const roleOf = (state: ProjectState, userId: string): ProjectRole | undefined =>
  state.members.find((member) => member.userId === userId)?.role;

export const memberOf = (state: ProjectState, userId: string): ProjectMember | undefined =>
  state.members.find((member) => member.userId === userId);
