import { foldEvents } from '@cf/core';
import { specification } from '@test/decider-specification.js';
import { projectsDecider, type ProjectCommand } from './projects.decide.js';
import type { MemberAdded, ProjectEvent, ProjectOpened } from './projects.events.js';
import { roleOf } from './projects.state.js';

const spec = specification(projectsDecider);
const at = '2025-03-01T09:00:00.000Z';
const later = '2025-03-02T09:00:00.000Z';
const ann = { userId: 'u-ann', name: 'Ann Manager' };
const P = 'p-1';

const opened: ProjectOpened = {
  type: 'ProjectOpened',
  data: { projectId: P, name: 'Portal', customerName: 'Acme', budgetHours: 100, contactDaysTarget: 2, openedBy: ann, at },
};
const devAdded: MemberAdded = {
  type: 'MemberAdded',
  data: { projectId: P, userId: 'u-dev', name: 'Dev Eloper', role: 'DEVELOPER', since: '2025-03-01' },
};

const open = (overrides: Partial<Extract<ProjectCommand, { type: 'OpenProject' }>> = {}): ProjectCommand => ({
  type: 'OpenProject',
  projectId: P,
  name: 'Portal',
  customerName: 'Acme',
  budgetHours: 100,
  at,
  actor: ann,
  ...overrides,
});
const addMember = (overrides: Partial<Extract<ProjectCommand, { type: 'AddMember' }>> = {}): ProjectCommand => ({
  type: 'AddMember',
  projectId: P,
  userId: 'u-dev',
  name: 'Dev Eloper',
  role: 'DEVELOPER',
  at,
  actor: ann,
  ...overrides,
});
const removeMember = (overrides: Partial<Extract<ProjectCommand, { type: 'RemoveMember' }>> = {}): ProjectCommand => ({
  type: 'RemoveMember',
  projectId: P,
  userId: 'u-dev',
  reason: 'Moved to another team',
  at: later,
  actor: ann,
  ...overrides,
});

describe('projects decider', () => {
  describe('OpenProject', () => {
    it('opens a project with the default contact-days target', () => {
      spec.given([]).when(open()).then([opened]);
    });

    it('keeps an explicit contact-days target, including zero, and trims names', () => {
      spec
        .given([])
        .when(open({ contactDaysTarget: 0, name: '  Portal ', customerName: ' Acme ' }))
        .then([{ ...opened, data: { ...opened.data, contactDaysTarget: 0 } }]);
    });

    it('makes the opener the first manager', () => {
      const state = foldEvents(projectsDecider, [opened]);
      expect(state.exists).toBe(true);
      expect(state.members).toEqual([{ userId: 'u-ann', name: 'Ann Manager', role: 'MANAGER', since: '2025-03-01' }]);
      expect(roleOf(state, 'u-ann')).toBe('MANAGER');
      expect(roleOf(state, 'u-nobody')).toBeUndefined();
    });

    it('rejects an empty name', () => {
      const error = spec
        .given([])
        .when(open({ name: '   ' }))
        .thenThrows('BAD_USER_INPUT');
      expect(error.details.field).toBe('name');
    });

    it('rejects an empty customer name', () => {
      const error = spec
        .given([])
        .when(open({ customerName: '' }))
        .thenThrows('BAD_USER_INPUT');
      expect(error.details.field).toBe('customerName');
    });

    it.each([-1, Number.NaN])('rejects budget hours %p', (budgetHours) => {
      const error = spec.given([]).when(open({ budgetHours })).thenThrows('BAD_USER_INPUT');
      expect(error.details.field).toBe('budgetHours');
    });

    it('rejects a negative contact-days target, one not in half days, and one beyond a month', () => {
      for (const contactDaysTarget of [-0.5, 0.25, 31.5]) {
        const error = spec.given([]).when(open({ contactDaysTarget })).thenThrows('BAD_USER_INPUT');
        expect({ contactDaysTarget, field: error.details.field }).toEqual({ contactDaysTarget, field: 'contactDaysTarget' });
      }
      spec
        .given([])
        .when(open({ contactDaysTarget: 2.5 }))
        .then([{ ...opened, data: { ...opened.data, contactDaysTarget: 2.5 } }]);
    });

    it('cannot open the same project twice', () => {
      spec.given([opened]).when(open()).thenThrows('RULE_VIOLATED', 'alreadyExists');
    });
  });

  describe('commands on a project that was never opened', () => {
    it.each([addMember(), removeMember()])('%p is NOT_FOUND', (command) => {
      const error = spec.given([]).when(command).thenThrows('NOT_FOUND');
      expect(error.details).toEqual({ entity: 'Project', id: P });
    });
  });

  describe('AddMember', () => {
    it('adds a developer', () => {
      spec.given([opened]).when(addMember()).then([devAdded]);
    });

    it('adds a customer linked to a contact of the project', () => {
      spec
        .given([opened])
        .when(addMember({ userId: 'u-cus', name: 'Cus Tomer', role: 'CUSTOMER', contactId: 'c-1', contact: { id: 'c-1', projectId: P } }))
        .then([
          {
            type: 'MemberAdded',
            data: { projectId: P, userId: 'u-cus', name: 'Cus Tomer', role: 'CUSTOMER', contactId: 'c-1', since: '2025-03-01' },
          },
        ]);
    });

    it('links a contact to one customer member at a time: a second login for them waits until the first leaves', () => {
      const cus = (userId: string, when: { at?: string; since?: string } = {}) =>
        addMember({ userId, name: `Login ${userId}`, role: 'CUSTOMER', contactId: 'c-1', contact: { id: 'c-1', projectId: P }, ...when });
      const first = projectsDecider.decide(cus('u-cus'), foldEvents(projectsDecider, [opened]));
      spec
        .given([opened, ...first])
        .when(cus('u-two'))
        .thenThrows('RULE_VIOLATED', 'contactHasMember', 'contactId');
      const left = projectsDecider.decide(removeMember({ userId: 'u-cus' }), foldEvents(projectsDecider, [opened, ...first]));
      const afterLeaving = foldEvents(projectsDecider, [opened, ...first, ...left]);
      expect(projectsDecider.decide(cus('u-two', { at: later }), afterLeaving)).toHaveLength(1);
      // Backdated to before the first login left, the two would have spoken for the contact at once.
      spec
        .given([opened, ...first, ...left])
        .when(cus('u-two', { at: later, since: '2025-03-01' }))
        .thenThrows('RULE_VIOLATED', 'contactHasMember', 'since');
    });

    it('records the role in state', () => {
      const state = foldEvents(projectsDecider, [opened, devAdded]);
      expect(roleOf(state, 'u-dev')).toBe('DEVELOPER');
    });

    it('requires a customer member to name a contact', () => {
      spec
        .given([opened])
        .when(addMember({ role: 'CUSTOMER', contact: undefined }))
        .thenThrows('RULE_VIOLATED', 'customerMemberNamesContact', 'contactId');
    });

    it('links no team member to a contact: only a customer member is one', () => {
      spec
        .given([opened])
        .when(addMember({ contactId: 'c-1', contact: { id: 'c-1', projectId: P } }))
        .thenThrows('RULE_VIOLATED', 'onlyCustomerMemberNamesContact', 'contactId');
    });

    it('reports a named contact that does not exist', () => {
      const error = spec
        .given([opened])
        .when(addMember({ role: 'CUSTOMER', contactId: 'c-x', contact: null }))
        .thenThrows('NOT_FOUND');
      expect(error.details).toEqual({ entity: 'Contact', id: 'c-x', field: 'contactId' });
    });

    it('rejects a contact of another project', () => {
      spec
        .given([opened])
        .when(addMember({ role: 'CUSTOMER', contactId: 'c-2', contact: { id: 'c-2', projectId: 'p-other' } }))
        .thenThrows('NOT_FOUND');
    });

    it('rejects a user who is already a member (the opener included), naming them by user id, not by the name sent', () => {
      const refused = spec
        .given([opened, devAdded])
        .when(addMember({ role: 'AUDITOR', name: 'Someone Else' }))
        .thenThrows('RULE_VIOLATED', 'alreadyMember');
      expect(refused.message).not.toContain('Someone Else');
      expect(refused.message).toContain(devAdded.data.userId);
      expect(refused.details.field).toBe('userId');
      spec
        .given([opened])
        .when(addMember({ userId: 'u-ann' }))
        .thenThrows('RULE_VIOLATED', 'alreadyMember');
    });

    it('rejects an unknown role and an empty name', () => {
      spec
        .given([opened])
        .when(addMember({ role: 'BOSS' as never }))
        .thenThrows('BAD_USER_INPUT');
      spec
        .given([opened])
        .when(addMember({ name: ' ' }))
        .thenThrows('BAD_USER_INPUT');
    });

    it('records the day the member joined: given, or the day of the command', () => {
      spec
        .given([opened])
        .when(addMember({ since: '2025-01-15' }))
        .then([{ ...devAdded, data: { ...devAdded.data, since: '2025-01-15' } }]);
      expect(foldEvents(projectsDecider, [opened, devAdded]).members[1]).toMatchObject({ userId: 'u-dev', since: '2025-03-01' });
    });

    it('refuses a join date in the future or not a date, naming since', () => {
      for (const since of ['2025-03-03', '2025-02-30', 'soon']) {
        expect(spec.given([opened]).when(addMember({ since })).thenThrows('BAD_USER_INPUT').details.field).toBe('since');
      }
    });
  });

  describe('RemoveMember', () => {
    const removed = {
      type: 'MemberRemoved',
      data: { projectId: P, userId: 'u-dev', reason: 'Moved to another team', until: '2025-03-02', at: later },
    };

    it('removes a member with a reason, their last day being the day of the command unless given', () => {
      spec
        .given([opened, devAdded])
        .when(removeMember())
        .then([removed as ProjectEvent]);
      spec
        .given([opened, devAdded])
        .when(removeMember({ until: '2025-03-01' }))
        .then([{ ...removed, data: { ...removed.data, until: '2025-03-01' } } as ProjectEvent]);
    });

    it('takes the member out of the project, who may later join again', () => {
      const state = foldEvents(projectsDecider, [opened, devAdded, removed as ProjectEvent]);
      expect(roleOf(state, 'u-dev')).toBeUndefined();
      spec
        .given([opened, devAdded, removed as ProjectEvent])
        .when(addMember({ at: later }))
        .then([{ ...devAdded, data: { ...devAdded.data, since: '2025-03-02' } }]);
    });

    it('lets a new stay start on the last day of the earlier one or later, never before', () => {
      const earlier = [opened, devAdded, { ...removed, data: { ...removed.data, until: '2025-03-10' } } as ProjectEvent];
      const rejoin = (since: string) => addMember({ at: '2025-03-20T09:00:00.000Z', role: 'MANAGER', since });
      expect(spec.given(earlier).when(rejoin('2025-03-09')).thenThrows('RULE_VIOLATED', 'staysDoNotOverlap', 'since').message).toContain(
        'until 2025-03-10',
      );
      spec
        .given(earlier)
        .when(rejoin('2025-03-10'))
        .then([{ ...devAdded, data: { ...devAdded.data, role: 'MANAGER', since: '2025-03-10' } }]);
    });

    it('reports a user who is not a member', () => {
      expect(spec.given([opened]).when(removeMember()).thenThrows('NOT_FOUND').details).toEqual({ entity: 'Member', id: 'u-dev' });
    });

    it('needs a reason and a last day neither in the future nor before they joined', () => {
      expect(
        spec
          .given([opened, devAdded])
          .when(removeMember({ reason: ' ' }))
          .thenThrows('BAD_USER_INPUT').details.field,
      ).toBe('reason');
      expect(
        spec
          .given([opened, devAdded])
          .when(removeMember({ until: '2025-04-01' }))
          .thenThrows('BAD_USER_INPUT').details.field,
      ).toBe('until');
      spec
        .given([opened, devAdded])
        .when(removeMember({ until: '2025-02-28' }))
        .thenThrows('RULE_VIOLATED', 'untilAfterSince', 'until');
    });

    it('never dates a departure before the last day they spent with customers', () => {
      spec
        .given([opened, devAdded])
        .when(removeMember({ until: '2025-03-01', lastDayWithCustomers: '2025-03-02' }))
        .thenThrows('RULE_VIOLATED', 'untilAfterSessions', 'until');
      expect(
        projectsDecider.decide(
          removeMember({ until: '2025-03-02', lastDayWithCustomers: '2025-03-02' }),
          foldEvents(projectsDecider, [opened, devAdded]),
        ),
      ).toHaveLength(1);
    });

    it('keeps a manager: the only one cannot leave, one of two can', () => {
      spec
        .given([opened])
        .when(removeMember({ userId: 'u-ann' }))
        .thenThrows('RULE_VIOLATED', 'projectKeepsAManager');
      const second: MemberAdded = {
        type: 'MemberAdded',
        data: { projectId: P, userId: 'u-max', name: 'Max', role: 'MANAGER', since: '2025-03-01' },
      };
      spec
        .given([opened, second])
        .when(removeMember({ userId: 'u-ann' }))
        .then([
          {
            type: 'MemberRemoved',
            data: { projectId: P, userId: 'u-ann', reason: 'Moved to another team', until: '2025-03-02', at: later },
          },
        ]);
    });
  });
});
