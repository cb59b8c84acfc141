import type { Actor, BaselineRequirement, ProjectEvent, ProjectRole } from './projects.events.js';

export interface ProjectMember {
  readonly userId: string;
  readonly name: string;
  readonly role: ProjectRole;
  readonly contactId?: string;
  /** The day they joined; unknown for members added before join dates were recorded. */
  readonly since?: string;
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
        members: [{ userId: openedBy.userId, name: openedBy.name, role: 'MANAGER', since: at.slice(0, 10) }],
      };
    }
    case 'MemberAdded': {
      const { projectId: _project, ...member } = event.data;
      return { ...state, members: [...state.members, member] };
    }
    case 'MemberRemoved':
      return { ...state, members: state.members.filter((member) => member.userId !== event.data.userId) };
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
