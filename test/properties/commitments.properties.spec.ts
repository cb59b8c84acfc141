import fc from 'fast-check';
import type { BudgetCommitment } from '../../libs/commitments/domain/budget.types.js';
import type { CommitmentCommand } from '../../libs/commitments/domain/commitments.commands.js';
import { commitmentsDecider } from '../../libs/commitments/domain/commitments.decide.js';
import { budgetOf, developer, makeC1, manager, pat } from '../../libs/commitments/domain/commitments.spec-fixtures.js';
import { assertBatchSplitInvariance, moment } from './fold-properties.js';

const id = 'C1';
const role = fc.constantFrom('MANAGER', 'DEVELOPER', 'AUDITOR', 'CUSTOMER' as const);
const note = fc.constantFrom('ok', '', 'agreed with the customer');
const others = fc.array(
  fc.record({ commitmentId: fc.constantFrom('C2', 'C3', 'C4'), estimateHours: fc.integer({ min: 1, max: 60 }), requirementIds: fc.subarray(['R1', 'R2', 'R9']) }),
  { maxLength: 3 },
).map((list): BudgetCommitment[] => list);

const make = fc.record({
  estimateHours: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.double({ min: 0.25, max: 120, noNaN: true })),
  requirementIds: fc.subarray(['R1', 'R2']),
  others,
  budgetHours: fc.integer({ min: 0, max: 200 }),
  byManager: fc.boolean(),
  toPat: fc.boolean(),
}).map(({ estimateHours, requirementIds, others: active, budgetHours, byManager, toPat }) => makeC1({
  at: moment(0),
  estimateHours,
  requirementIds,
  requirements: requirementIds.map((r) => ({ id: r, projectId: 'p-1' })),
  budget: budgetOf(active, budgetHours),
  actor: byManager ? manager : developer,
  makerRole: byManager ? 'MANAGER' : 'DEVELOPER',
  ...(toPat ? { madeToId: pat.id, madeTo: pat } : {}),
}));

const command = (minute: number): fc.Arbitrary<CommitmentCommand> => {
  const at = moment(minute);
  const decided = (type: 'ApproveCommitment' | 'RejectCommitment') =>
    fc.record({ note, approverRole: role }).map(({ note: n, approverRole }): CommitmentCommand => ({ type, commitmentId: id, note: n, approverRole, at, actor: manager }));
  return fc.oneof(
    decided('ApproveCommitment'),
    decided('RejectCommitment'),
    fc.record({
      estimateHours: fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
      dueDate: fc.option(fc.constantFrom('2025-06-30', '2025-07-31'), { nil: undefined }),
      reason: note, makerRole: role, others, budgetHours: fc.integer({ min: 0, max: 200 }),
    }).map(({ estimateHours, dueDate, reason, makerRole, others: active, budgetHours }): CommitmentCommand => ({
      type: 'ReviseCommitment', commitmentId: id, reason, makerRole, budget: budgetOf(active, budgetHours), at, actor: developer,
      ...(estimateHours === undefined ? {} : { estimateHours }), ...(dueDate === undefined ? {} : { dueDate }),
    })),
    note.map((n): CommitmentCommand => ({ type: 'WithdrawCommitment', commitmentId: id, note: n, at, actor: developer })),
    note.map((n): CommitmentCommand => ({ type: 'DeliverCommitment', commitmentId: id, note: n, at, actor: developer })),
  );
};

const commands = fc.tuple(make, fc.array(fc.constant(0), { maxLength: 15 })).chain(([first, slots]) =>
  fc.tuple(...slots.map((_, i) => command(10 + i * 10))).map((list): CommitmentCommand[] => [first, ...list]));

describe('commitments decider (property)', () => {
  it('folds the same events to the same state in any batch split', () => {
    assertBatchSplitInvariance(commitmentsDecider, commands);
  });
});
