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
});
