import { specification } from '@test/decider-specification.js';
import { projectsDecider, type ProjectCommand } from './projects.decide.js';
import type { ProjectEvent } from './projects.events.js';

/** Only a manager of the project as its stream holds it changes the team: the read model checked first may lag. */
const spec = specification(projectsDecider);
const at = '2025-03-01T09:00:00.000Z';
const P = 'p-1';
const ann = { userId: 'u-ann', name: 'Ann Manager' };
const max = { userId: 'u-max', name: 'Max Manager' };
const dev = { userId: 'u-dev', name: 'Dev Eloper' };

const history: ProjectEvent[] = [
  {
    type: 'ProjectOpened',
    data: { projectId: P, name: 'Portal', customerName: 'Acme', budgetHours: 100, contactDaysTarget: 2, openedBy: ann, at },
  },
  { type: 'MemberAdded', data: { projectId: P, ...dev, role: 'DEVELOPER', since: '2025-03-01' } },
  { type: 'MemberAdded', data: { projectId: P, ...max, role: 'MANAGER', since: '2025-03-01' } },
  { type: 'MemberRemoved', data: { projectId: P, userId: max.userId, reason: 'Left', until: '2025-03-01', at } },
];
const add = (actor: typeof ann): ProjectCommand => ({
  type: 'AddMember',
  projectId: P,
  userId: 'u-eve',
  name: 'Eve',
  role: 'AUDITOR',
  since: '2025-03-01',
  at,
  actor,
});
const remove = (actor: typeof ann): ProjectCommand => ({
  type: 'RemoveMember',
  projectId: P,
  userId: dev.userId,
  reason: 'Moved on',
  at,
  actor,
});

describe('who changes the team', () => {
  it('lets a manager add and remove members', () => {
    spec
      .given(history)
      .when(add(ann))
      .then([{ type: 'MemberAdded', data: { projectId: P, userId: 'u-eve', name: 'Eve', role: 'AUDITOR', since: '2025-03-01' } }]);
    spec
      .given(history)
      .when(remove(ann))
      .then([{ type: 'MemberRemoved', data: { projectId: P, userId: dev.userId, reason: 'Moved on', until: '2025-03-01', at } }]);
  });

  it('refuses a manager the stream has removed (projectMember), and a developer (roleAllowed)', () => {
    for (const when of [add, remove]) {
      expect(spec.given(history).when(when(max)).thenThrows('FORBIDDEN').details.rule).toBe('projectMember');
      expect(spec.given(history).when(when(dev)).thenThrows('FORBIDDEN').details.rule).toBe('roleAllowed');
    }
  });
});
