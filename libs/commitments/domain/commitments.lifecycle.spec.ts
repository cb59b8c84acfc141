import { foldEvents, specification } from '@cf/core';
import { budgetView } from './budget.js';
import { commitmentsDecider } from './commitments.decide.js';
import { isActiveCommitmentStatus, type CommitmentEvent } from './commitments.events.js';
import { at, budgetOf, decided, developer, later, makeC1, madeBy, manager, projectId } from './commitments.spec-fixtures.js';

const spec = specification(commitmentsDecider);
const c1 = { commitmentId: 'C1', estimateHours: 40, requirementIds: ['R1'] };
const base = { at: later, actor: manager, commitmentId: 'C2', note: 'ok' };
const approve = { ...base, type: 'ApproveCommitment' as const, approverRole: 'MANAGER' as const };
const reject = { ...base, type: 'RejectCommitment' as const, approverRole: 'MANAGER' as const, note: 'Not in this release' };
const withdraw = { ...base, type: 'WithdrawCommitment' as const, note: 'Customer dropped it' };
const deliver = { ...base, type: 'DeliverCommitment' as const };
const data = (note: string) => ({ commitmentId: 'C2', projectId, note, by: manager, at: later });

/** C2 of the worked example: 20 h outside requirements by a developer → PENDING_APPROVAL. */
const c2Made = madeBy(
  makeC1({
    commitmentId: 'C2', actor: developer, makerRole: 'DEVELOPER', estimateHours: 20,
    requirementIds: [], requirements: [], budget: budgetOf([c1]),
  }),
);
const accepted = madeBy(makeC1({ commitmentId: 'C2' }));

describe('approving and rejecting', () => {
  it('lets a manager approve or reject a pending commitment', () => {
    spec.given([c2Made]).when(approve).then([{ type: 'CommitmentApproved', data: data('ok') }]);
    spec.given([c2Made]).when(reject).then([{ type: 'CommitmentRejected', data: data('Not in this release') }]);
  });

  it('lets only a manager decide', () => {
    spec.given([c2Made]).when({ ...approve, approverRole: 'DEVELOPER' }).thenThrows('RULE_VIOLATED', 'managerApproves');
    spec.given([c2Made]).when({ ...reject, approverRole: 'CUSTOMER' }).thenThrows('RULE_VIOLATED', 'managerApproves');
  });

  it('decides only on a commitment that awaits approval', () => {
    spec.given([accepted]).when(approve).thenThrows('RULE_VIOLATED', 'awaitsApproval');
    spec.given([c2Made, decided('CommitmentApproved', 'C2')]).when(reject).thenThrows('RULE_VIOLATED', 'awaitsApproval');
  });

  it('needs a reason to reject', () => {
    spec.given([c2Made]).when({ ...reject, note: ' ' }).thenThrows('BAD_USER_INPUT');
  });
});

describe('withdrawing and delivering', () => {
  it('withdraws any open commitment', () => {
    const expected = [{ type: 'CommitmentWithdrawn', data: data('Customer dropped it') }] as CommitmentEvent[];
    spec.given([c2Made]).when(withdraw).then(expected);
    spec.given([accepted]).when(withdraw).then(expected);
    spec.given([c2Made, decided('CommitmentApproved', 'C2')]).when(withdraw).then(expected);
  });

  it('delivers only an accepted or approved commitment', () => {
    spec.given([accepted]).when(deliver).then([{ type: 'CommitmentDelivered', data: data('ok') }]);
    spec.given([c2Made, decided('CommitmentApproved', 'C2')]).when(deliver).then([{ type: 'CommitmentDelivered', data: data('ok') }]);
    spec.given([c2Made]).when(deliver).thenThrows('RULE_VIOLATED', 'deliverableOnlyWhenAgreed');
  });

  it('changes nothing after a final state', () => {
    for (const final of ['CommitmentDelivered', 'CommitmentRejected', 'CommitmentWithdrawn'] as const) {
      const history = [accepted, decided(final, 'C2')];
      for (const command of [approve, reject, withdraw, deliver]) {
        spec.given(history).when(command).thenThrows('RULE_VIOLATED', 'finalState');
      }
    }
  });

  it('needs an existing commitment', () => {
    for (const command of [approve, reject, withdraw, deliver]) spec.given([]).when(command).thenThrows('NOT_FOUND');
  });

  it('frees the reserve when a commitment is withdrawn or rejected', () => {
    const c3 = madeBy(makeC1({ commitmentId: 'C3', estimateHours: 16, requirementIds: [], requirements: [] }));
    const streams = (c2Ends: CommitmentEvent[]) =>
      [[madeBy(makeC1())], [c2Made, ...c2Ends], [c3]].map((events) => foldEvents(commitmentsDecider, events));
    const remaining = (c2Ends: CommitmentEvent[]) =>
      budgetView(
        budgetOf(
          streams(c2Ends)
            .filter((state) => isActiveCommitmentStatus(state.status!))
            .map((s) => ({ commitmentId: s.commitmentId!, estimateHours: s.estimateHours, requirementIds: s.requirementIds })),
        ),
      ).remainingReserveHours;
    expect(remaining([])).toBe(-6);
    expect(remaining([decided('CommitmentApproved', 'C2'), decided('CommitmentDelivered', 'C2')])).toBe(-6);
    expect(remaining([decided('CommitmentWithdrawn', 'C2')])).toBe(14);
    expect(remaining([decided('CommitmentRejected', 'C2')])).toBe(14);
  });
});

describe('the state', () => {
  it('folds what was made and decided', () => {
    const state = foldEvents(commitmentsDecider, [c2Made, decided('CommitmentApproved', 'C2')]);
    expect(state).toMatchObject({
      exists: true, projectId, status: 'APPROVED', estimateHours: 20, requirementIds: [], requestIds: [],
      madeBy: developer, madeToId: 'c-dora', revision: 0, dueDate: null, summary: 'Export invoices as PDF', madeAt: at,
    });
    expect(state.classification?.outsideRequirements).toBe(true);
  });
});
