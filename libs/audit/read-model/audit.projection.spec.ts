import { projectionSpecification } from '@test/projection-specification.js';
import { auditProjection } from './audit.projection.js';

const at = '2026-03-02T09:00:00.000Z';
const row = (
  position: number,
  stream: string,
  type: string,
  data: Record<string, unknown>,
  entity: { id: string; kind: string; revision: number; project: string | null },
) => ({
  position,
  stream,
  entity_id: entity.id,
  entity_kind: entity.kind,
  revision: entity.revision,
  type,
  occurred_at: at,
  actor_id: 'u-1',
  actor_name: 'Una',
  correlation_id: `c-${position}`,
  causation_id: null,
  project_id: entity.project,
  data: JSON.stringify(data),
  hash: `h-${position}`,
  prev_hash: '',
});

describe('the audit projection', () => {
  const spec = projectionSpecification(auditProjection);
  const registered = { contactId: 'k1', projectId: 'p1', name: 'Paula', email: 'paula@example.com' };
  const revised = {
    contactId: 'k1',
    department: 'Claims',
    reason: 'moved',
    changes: [
      { field: 'department', from: null, to: 'Claims' },
      { field: 'role', from: 'OTHER', to: 'PROXY' },
    ],
  };

  it('counts each commitment of a budget stream on its own, across pages', () =>
    spec
      .given([{ stream: 'budget-p1', type: 'CommitmentMade', data: { commitmentId: 'c1', projectId: 'p1' } }])
      .when([
        { stream: 'budget-p1', type: 'BudgetChanged', data: { projectId: 'p1' } },
        { stream: 'budget-p1', type: 'CommitmentApproved', data: { commitmentId: 'c1', projectId: 'p1' } },
      ])
      .then({
        audit_log: [
          row(
            1,
            'budget-p1',
            'CommitmentMade',
            { commitmentId: 'c1', projectId: 'p1' },
            { id: 'c1', kind: 'commitment', revision: 1, project: 'p1' },
          ),
          row(2, 'budget-p1', 'BudgetChanged', { projectId: 'p1' }, { id: 'p1', kind: 'project', revision: 1, project: 'p1' }),
          row(
            3,
            'budget-p1',
            'CommitmentApproved',
            { commitmentId: 'c1', projectId: 'p1' },
            { id: 'c1', kind: 'commitment', revision: 2, project: 'p1' },
          ),
        ],
      }));

  it("counts a project's revisions over its own stream and its budget stream's change orders, as Project.revision does", () =>
    spec
      .given([
        { stream: 'project-p1', type: 'ProjectOpened', data: { projectId: 'p1' } },
        { stream: 'budget-p1', type: 'BudgetChanged', data: { projectId: 'p1' } },
      ])
      .when([{ stream: 'project-p1', type: 'MemberAdded', data: { projectId: 'p1' } }])
      .then({
        audit_log: [
          row(1, 'project-p1', 'ProjectOpened', { projectId: 'p1' }, { id: 'p1', kind: 'project', revision: 1, project: 'p1' }),
          row(2, 'budget-p1', 'BudgetChanged', { projectId: 'p1' }, { id: 'p1', kind: 'project', revision: 2, project: 'p1' }),
          row(3, 'project-p1', 'MemberAdded', { projectId: 'p1' }, { id: 'p1', kind: 'project', revision: 3, project: 'p1' }),
        ],
      }));

  it("counts a commitment's revisions by its own events, never by the status reports on it", () =>
    spec
      .given([
        { stream: 'budget-p1', type: 'CommitmentMade', data: { commitmentId: 'c1', projectId: 'p1' } },
        { stream: 'status-c1', type: 'StatusReported', data: { subjectId: 'c1', projectId: 'p1' } },
      ])
      .when([{ stream: 'budget-p1', type: 'CommitmentApproved', data: { commitmentId: 'c1', projectId: 'p1' } }])
      .then({
        audit_log: [
          row(
            1,
            'budget-p1',
            'CommitmentMade',
            { commitmentId: 'c1', projectId: 'p1' },
            { id: 'c1', kind: 'commitment', revision: 1, project: 'p1' },
          ),
          row(
            2,
            'status-c1',
            'StatusReported',
            { subjectId: 'c1', projectId: 'p1' },
            { id: 'c1', kind: 'status', revision: 1, project: 'p1' },
          ),
          row(
            3,
            'budget-p1',
            'CommitmentApproved',
            { commitmentId: 'c1', projectId: 'p1' },
            { id: 'c1', kind: 'commitment', revision: 2, project: 'p1' },
          ),
        ],
      }));

  it("files an event that names no project under its stream's project, and forgets a contact in every row", () =>
    spec
      .given([{ stream: 'contact-k1', type: 'ContactRegistered', data: registered }])
      .when([
        { stream: 'contact-k1', type: 'ContactRevised', data: revised },
        { stream: 'contact-k1', type: 'ContactForgotten', data: { contactId: 'k1' } },
      ])
      .then({
        audit_log: [
          row(
            1,
            'contact-k1',
            'ContactRegistered',
            { ...registered, name: '[forgotten]', email: '[forgotten]' },
            { id: 'k1', kind: 'contact', revision: 1, project: 'p1' },
          ),
          row(
            2,
            'contact-k1',
            'ContactRevised',
            {
              ...revised,
              department: '[forgotten]',
              changes: [
                { field: 'department', from: null, to: '[forgotten]' },
                { field: 'role', from: 'OTHER', to: 'PROXY' },
              ],
            },
            { id: 'k1', kind: 'contact', revision: 2, project: 'p1' },
          ),
          row(3, 'contact-k1', 'ContactForgotten', { contactId: 'k1' }, { id: 'k1', kind: 'contact', revision: 3, project: 'p1' }),
        ],
      }));

  it("forgets the name a forgotten contact's CUSTOMER member acted under while linked to them, not before or after", () => {
    const zeb = { actor: { userId: 'zeb', name: 'Zebedee' } };
    const member = (contactId: string) => ({ projectId: 'p1', userId: 'zeb', name: 'Zeb', role: 'CUSTOMER', contactId });
    const confirmed = (requestId: string) => ({
      stream: `request-${requestId}`,
      type: 'RequestConfirmed',
      data: { requestId, projectId: 'p1' },
    });
    return spec
      .given([
        { stream: 'contact-k1', type: 'ContactRegistered', data: registered },
        { ...confirmed('r0'), metadata: zeb },
        { stream: 'project-p1', type: 'MemberAdded', data: member('k1') },
        { ...confirmed('r1'), metadata: zeb },
        { stream: 'project-p1', type: 'MemberRemoved', data: { projectId: 'p1', userId: 'zeb' } },
        { stream: 'project-p1', type: 'MemberAdded', data: member('k2') },
      ])
      .when([
        { ...confirmed('r2'), metadata: zeb },
        { stream: 'contact-k1', type: 'ContactForgotten', data: { contactId: 'k1', projectId: 'p1' } },
      ])
      .then({}, async (db) => {
        const names = await db
          .selectFrom('audit_log')
          .select(['stream', 'actor_name'])
          .where('actor_id', '=', 'zeb')
          .orderBy('position')
          .execute();
        expect(names).toEqual([
          { stream: 'request-r0', actor_name: 'Zebedee' },
          { stream: 'request-r1', actor_name: '[forgotten]' },
          { stream: 'request-r2', actor_name: 'Zebedee' },
        ]);
      });
  });
});
