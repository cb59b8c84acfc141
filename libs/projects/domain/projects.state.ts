import type { ProjectEvent, ProjectRole } from './projects.events.js';

export interface ProjectMember {
  readonly userId: string;
  readonly name: string;
  readonly role: ProjectRole;
  readonly contactId?: string;
}

export interface ProjectState {
  readonly exists: boolean;
  readonly projectId: string;
  readonly name: string;
  readonly customerName: string;
  /** The budget the project was opened with; change orders move it in the budget stream. */
  readonly budgetHours: number;
  readonly contactDaysTarget: number;
  readonly openedAt?: string;
  readonly members: readonly ProjectMember[];
}

export const initialProjectState = (): ProjectState => ({
  exists: false,
  projectId: '',
  name: '',
  customerName: '',
  budgetHours: 0,
  contactDaysTarget: 0,
  members: [],
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
    default:
      return state;
  }
};

/** The role a user holds in the project, or undefined when they are not a member. */
export const roleOf = (state: ProjectState, userId: string): ProjectRole | undefined =>
  state.members.find((member) => member.userId === userId)?.role;

