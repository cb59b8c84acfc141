import { specification } from '@test/decider-specification.js';
import { projectsDecider, type ProjectCommand } from './projects.decide.js';
import type { MemberAdded, ProjectOpened } from './projects.events.js';

const spec = specification(projectsDecider);
const P = 'p-1';
const ann = { userId: 'u-ann', name: 'Ann Manager' };
const opened: ProjectOpened = {
  type: 'ProjectOpened',
  data: {
    projectId: P,
    name: 'Portal',
    customerName: 'Acme',
    budgetHours: 100,
    contactDaysTarget: 2,
    openedBy: ann,
    at: '2025-03-01T09:00:00.000Z',
  },
};
/** Cora logs in as contact c-1, who is forgotten on 2025-04-10. */
const coraAdded: MemberAdded = {
  type: 'MemberAdded',
  data: { projectId: P, userId: 'u-cora', name: 'Cora Customer', role: 'CUSTOMER', contactId: 'c-1', since: '2025-03-01' },
};
const at = '2025-05-02T09:00:00.000Z';
const addCoraAs = (contactId: string, overrides: Partial<Extract<ProjectCommand, { type: 'AddMember' }>> = {}): ProjectCommand => ({
  type: 'AddMember',
  projectId: P,
  userId: 'u-cora',
  name: 'Cora Customer',
  role: 'CUSTOMER',
  contactId,
  contact: { id: contactId, projectId: P },
  at,
  actor: ann,
  ...overrides,
});

describe('adding again a user whose contact was forgotten', () => {
  it('records the end of the login on the day of forgetting, then the new membership', () => {
    spec
      .given([opened, coraAdded])
      .when(addCoraAs('c-2', { memberContactForgottenOn: '2025-04-10' }))
      .then([
        {
          type: 'MemberRemoved',
          data: { projectId: P, userId: 'u-cora', reason: 'The contact they spoke for was forgotten', until: '2025-04-10', at },
        },
        {
          type: 'MemberAdded',
          data: { projectId: P, userId: 'u-cora', name: 'Cora Customer', role: 'CUSTOMER', contactId: 'c-2', since: '2025-05-02' },
        },
      ]);
  });

  it('refuses a new stay that would start before the day of forgetting, naming that day', () => {
    const refused = spec
      .given([opened, coraAdded])
      .when(addCoraAs('c-2', { memberContactForgottenOn: '2025-04-10', since: '2025-04-01' }))
      .thenThrows('RULE_VIOLATED', 'staysDoNotOverlap');
    expect(refused.message).toContain('2025-04-10');
  });

  it('ends the old stay on the day it began when a clock behind dated the forgetting earlier', () => {
    spec
      .given([opened, coraAdded])
      .when(addCoraAs('c-2', { memberContactForgottenOn: '2025-02-28' }))
      .then([
        {
          type: 'MemberRemoved',
          data: { projectId: P, userId: 'u-cora', reason: 'The contact they spoke for was forgotten', until: '2025-03-01', at },
        },
        {
          type: 'MemberAdded',
          data: { projectId: P, userId: 'u-cora', name: 'Cora Customer', role: 'CUSTOMER', contactId: 'c-2', since: '2025-05-02' },
        },
      ]);
  });

  it('still refuses a user whose contact was not forgotten, and a team member', () => {
    spec.given([opened, coraAdded]).when(addCoraAs('c-2')).thenThrows('RULE_VIOLATED', 'alreadyMember');
    spec
      .given([opened])
      .when(addCoraAs('c-2', { userId: 'u-ann', memberContactForgottenOn: '2025-04-10' }))
      .thenThrows('RULE_VIOLATED', 'alreadyMember');
  });
});
