import fc from 'fast-check';
import { PROJECT_ROLES } from '../../libs/projects/domain/projects.events.js';
import { type ProjectCommand, projectsDecider } from '../../libs/projects/domain/projects.decide.js';
import { assertBatchSplitInvariance, moment } from './fold-properties.js';

const P = 'project-1';
const actor = { userId: 'u-mia', name: 'Mia' };
const users = fc.constantFrom('u-ann', 'u-bob', 'u-cid', 'u-dee');

const open: ProjectCommand = {
  type: 'OpenProject',
  projectId: P,
  at: moment(0),
  actor,
  name: 'Portal',
  customerName: 'ACME',
  budgetHours: 100,
};

const command = (minute: number): fc.Arbitrary<ProjectCommand> =>
  fc.oneof(
    fc
      .record({ userId: users, role: fc.constantFrom(...PROJECT_ROLES), contact: fc.boolean() })
      .map(({ userId, role, contact }): ProjectCommand => ({
        type: 'AddMember',
        projectId: P,
        at: moment(minute),
        actor,
        userId,
        name: userId.toUpperCase(),
        role,
        ...(contact ? { contactId: 'c-1', contact: { id: 'c-1', projectId: P } } : {}),
      })),
    fc
      .record({ userId: users, until: fc.constantFrom(undefined, '2025-02-01', '2025-03-01') })
      .map(({ userId, until }): ProjectCommand => ({
        type: 'RemoveMember',
        projectId: P,
        at: moment(minute),
        actor,
        userId,
        reason: 'Moved on',
        until,
      })),
  );

const commands = fc
  .array(fc.nat(1000), { maxLength: 25 })
  .chain((minutes) => fc.tuple(...minutes.map((m, i) => command(i * 10 + (m % 10)))).map((list) => [open, ...list]));

describe('projects decider (property)', () => {
  it('folds the same events to the same state in any batch split', () => {
    assertBatchSplitInvariance(projectsDecider, commands);
  });
});
