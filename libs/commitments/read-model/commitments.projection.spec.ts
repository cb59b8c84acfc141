import { projectionSpecification } from '@test/projection-specification.js';
import { commitmentsProjection } from './commitments.projection.js';

const maria = { userId: 'maria', name: 'Maria' };
const withinEverything = {
  outsideRequirements: false,
  outsideBudget: false,
  exceedsBudgetByHours: 0,
  madeWithoutAuthority: false,
  requestedWithoutAuthority: false,
  reasons: [],
  budgetAtDecision: { budgetHours: 100, baselineHours: 0, reserveHours: 100, remainingReserveHours: 100 },
};
const made = {
  stream: 'budget-p1',
  type: 'CommitmentMade',
  data: {
    commitmentId: 'c1',
    projectId: 'p1',
    summary: 'Login in 2 s',
    madeBy: maria,
    makerRole: 'MANAGER',
    madeToId: 'k1',
    madeToCouldApproveScope: true,
    requestIds: [],
    requirementIds: ['q1'],
    estimateHours: 8,
    status: 'ACCEPTED',
    atDecision: withinEverything,
    at: '2026-03-02T09:00:00.000Z',
  },
};
const requirementRevised = (reason: string) => ({
  stream: 'requirement-q1',
  type: 'RequirementRevised',
  data: { requirementId: 'q1', projectId: 'p1', reason, at: '2026-03-03T09:00:00.000Z' },
});
const counters = (suspect: number) => [
  { project_id: 'p1', counter: 'total', value: 1 },
  { project_id: 'p1', counter: 'status.ACCEPTED', value: 1 },
  { project_id: 'p1', counter: 'suspect', value: suspect },
];

describe('the commitments projection', () => {
  const spec = projectionSpecification(commitmentsProjection);

  it('marks a link suspect once when its requirement is revised, keeping the latest reason', () =>
    spec
      .given([made])
      .when([requirementRevised('Scope cut'), requirementRevised('Scope cut again')])
      .then({
        commitment_suspect_links: [
          { commitment_id: 'c1', kind: 'REQUIREMENT', target_id: 'q1', reason: 'The requirement was revised: Scope cut again', seq: 3 },
        ],
        commitment_requirements: [{ commitment_id: 'c1', requirement_id: 'q1' }],
        commitment_counters: counters(1),
      }));

  it('clears suspect links and replaces the links when the commitment is revised, in the same page', () =>
    spec
      .given([])
      .when([
        made,
        requirementRevised('Scope cut'),
        {
          stream: 'budget-p1',
          type: 'CommitmentRevised',
          data: {
            commitmentId: 'c1',
            projectId: 'p1',
            revision: 2,
            estimateHours: 8,
            requirementIds: ['q2'],
            requestIds: [],
            status: 'ACCEPTED',
            changes: [{ field: 'requirementIds', from: ['q1'], to: ['q2'] }],
            by: maria,
            at: '2026-03-04T09:00:00.000Z',
          },
        },
      ])
      .then({
        commitment_suspect_links: [],
        commitment_requirements: [{ commitment_id: 'c1', requirement_id: 'q2' }],
        commitment_counters: counters(0),
      }));
});
