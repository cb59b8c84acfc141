import type { ProjectEvent, ProjectRole } from './projects.events.js';

export interface ProjectMember {
  readonly userId: string;
  readonly name: string;
  readonly role: ProjectRole;
  readonly contactId?: string;
  /** The day they joined; unknown for members added before join dates were recorded. */
  readonly since?: string;
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
  /** The last day of each former member's latest stay: a new stay of theirs starts no earlier. */
  readonly lastDays: Readonly<Record<string, string>>;
  /** The last day a CUSTOMER member spoke for each contact: another login for them starts no earlier. */
  readonly contactLastDays: Readonly<Record<string, string>>;
}

export const initialProjectState = (): ProjectState => ({
  exists: false,
  projectId: '',
  name: '',
  customerName: '',
  budgetHours: 0,
  contactDaysTarget: 0,
  members: [],
  lastDays: {},
  contactLastDays: {},
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
    case 'MemberRemoved': {
      const contactId = memberOf(state, event.data.userId)?.contactId;
      return {
        ...state,
        members: state.members.filter((member) => member.userId !== event.data.userId),
        lastDays: { ...state.lastDays, [event.data.userId]: event.data.until },
        ...(contactId ? { contactLastDays: { ...state.contactLastDays, [contactId]: event.data.until } } : {}),
      };
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
