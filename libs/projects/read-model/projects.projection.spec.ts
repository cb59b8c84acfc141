import { projectionSpecification } from '@test/projection-specification.js';
import { projectsProjection } from './projects.projection.js';

const maria = { userId: 'maria', name: 'Maria' };
const opened = {
  stream: 'project-p1',
  type: 'ProjectOpened',
  data: {
    projectId: 'p1',
    name: 'Portal',
    customerName: 'Acme',
    budgetHours: 100,
    contactDaysTarget: 2,
    openedBy: maria,
    at: '2026-03-02T09:00:00.000Z',
  },
};
const member = (userId: string, seq: number) => ({
  project_id: 'p1',
  user_id: userId,
  name: userId,
  role: 'DEVELOPER',
  contact_id: null,
  since: '2026-03-02',
  seq,
});

describe('the projects projection', () => {
  it("counts the project's revisions over its own and its budget stream, and deletes a removed member", () =>
    projectionSpecification(projectsProjection)
      .given([
        opened,
        { stream: 'project-p1', type: 'MemberAdded', data: { projectId: 'p1', userId: 'jonas', name: 'jonas', role: 'DEVELOPER' } },
      ])
      .when([
        { stream: 'project-p1', type: 'MemberAdded', data: { projectId: 'p1', userId: 'ines', name: 'ines', role: 'DEVELOPER' } },
        { stream: 'project-p1', type: 'MemberRemoved', data: { projectId: 'p1', userId: 'jonas', until: '2026-03-10' } },
        { stream: 'budget-p1', type: 'BudgetChanged', data: { projectId: 'p1', fromHours: 100, toHours: 120, reason: 'Change order 1' } },
      ])
      .then({
        projects: [
          {
            id: 'p1',
            name: 'Portal',
            customer_name: 'Acme',
            budget_hours: 120,
            contact_days_target: 2,
            revision: 5,
            opened_at: '2026-03-02T09:00:00.000Z',
            seq: 1,
          },
        ],
        project_members: [{ ...member('maria', 1), name: 'Maria', role: 'MANAGER' }, member('ines', 3)],
      }));
});
