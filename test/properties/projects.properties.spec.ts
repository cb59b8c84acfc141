import fc from 'fast-check';
import { PROJECT_ROLES } from '../../libs/projects/domain/projects.events.js';
import { type ProjectCommand, projectsDecider } from '../../libs/projects/domain/projects.decide.js';
import { assertBatchSplitInvariance, moment } from './fold-properties.js';

const P = 'project-1';
const actor = { userId: 'u-mia', name: 'Mia' };
const users = fc.constantFrom('u-ann', 'u-bob', 'u-cid', 'u-dee');
const hours = fc.oneof(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 500, noNaN: true }));

const open: ProjectCommand = { type: 'OpenProject', projectId: P, at: moment(0), actor, name: 'Portal', customerName: 'ACME', budgetHours: 100 };

const command = (minute: number): fc.Arbitrary<ProjectCommand> => fc.oneof(
  fc.record({ userId: users, role: fc.constantFrom(...PROJECT_ROLES), contact: fc.boolean() }).map(({ userId, role, contact }): ProjectCommand => ({
    type: 'AddMember', projectId: P, at: moment(minute), actor, userId, name: userId.toUpperCase(), role,
    ...(contact ? { contactId: 'c-1', contact: { id: 'c-1', projectId: P } } : {}),
  })),
  fc.record({ userId: users, until: fc.constantFrom(undefined, '2025-02-01', '2025-03-01') }).map(({ userId, until }): ProjectCommand => ({
    type: 'RemoveMember', projectId: P, at: moment(minute), actor, userId, reason: 'Moved on', until,
  })),
  fc.record({ budgetHours: hours, reason: fc.constantFrom('change order', '') }).map(({ budgetHours, reason }): ProjectCommand => ({
    type: 'ChangeBudget', projectId: P, at: moment(minute), actor, budgetHours, reason,
  })),
  fc.record({
    name: fc.constantFrom('Contract', 'Phase 2', 'contract '),
    baselineId: fc.constantFrom('b-1', 'b-2', 'b-3'),
    canApprove: fc.boolean(),
    requirements: fc.uniqueArray(fc.record({ requirementId: fc.constantFrom('r1', 'r2', 'r3'), revision: fc.nat(5), estimateHours: hours }), { selector: (r) => r.requirementId, maxLength: 3 }),
  }).map(({ name, baselineId, canApprove, requirements }): ProjectCommand => ({
    type: 'ApproveBaseline', projectId: P, at: moment(minute), actor, baselineId, name, countersignedById: 'c-1',
    countersignedBy: { id: 'c-1', projectId: P, canApproveScope: canApprove, name: 'Dora' },
    requirements: requirements.map((r) => ({ ...r, key: r.requirementId.toUpperCase() })),
  })),
);

const commands = fc.array(fc.nat(1000), { maxLength: 25 }).chain((minutes) =>
  fc.tuple(...minutes.map((m, i) => command(i * 10 + (m % 10)))).map((list) => [open, ...list]));

describe('projects decider (property)', () => {
  it('folds the same events to the same state in any batch split', () => {
    assertBatchSplitInvariance(projectsDecider, commands);
  });
});
