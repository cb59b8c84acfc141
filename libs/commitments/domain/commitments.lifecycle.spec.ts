import { foldEvents } from '@cf/core';
import { specification } from '@test/decider-specification.js';
import { viewOf } from './budget.js';
import { budgetDecider } from './budget.decide.js';
import type { BudgetEvent } from './budget.state.js';
import type { CommitmentEvent } from './commitments.events.js';
import {
  contractApproved,
  decided,
  decidedAfter,
  developer,
  later,
  makeC1,
  makeOutside,
  manager,
  projectId,
  workedExample,
} from './commitments.spec-fixtures.js';

const spec = specification(budgetDecider);
const base = { at: later, actor: manager, commitmentId: 'C2', note: 'ok' };
const approve = { ...base, type: 'ApproveCommitment' as const, approverRole: 'MANAGER' as const };
const reject = { ...base, type: 'RejectCommitment' as const, approverRole: 'MANAGER' as const, note: 'Not in this release' };
const withdraw = { ...base, type: 'WithdrawCommitment' as const, note: 'Customer dropped it' };
const deliver = { ...base, type: 'DeliverCommitment' as const };
const data = (note: string) => ({ commitmentId: 'C2', projectId, note, by: manager, at: later });

/** C2 of the worked example: 20 h outside requirements by a developer → PENDING_APPROVAL. */
const pending = decidedAfter([contractApproved], makeOutside('C2', 20));
const accepted = decidedAfter([contractApproved], makeC1({ commitmentId: 'C2' }));

describe('approving and rejecting', () => {
  it('lets a manager approve or reject a pending commitment', () => {
    spec
      .given(pending)
      .when(approve)
      .then([{ type: 'CommitmentApproved', data: data('ok') }]);
    spec
      .given(pending)
      .when(reject)
      .then([{ type: 'CommitmentRejected', data: data('Not in this release') }]);
  });

  it('forbids anyone but a manager to decide, naming the rule', () => {
    spec
      .given(pending)
      .when({ ...approve, approverRole: 'DEVELOPER' })
      .thenThrows('FORBIDDEN', 'managerApproves');
    spec
      .given(pending)
      .when({ ...reject, approverRole: 'CUSTOMER' })
      .thenThrows('FORBIDDEN', 'managerApproves');
  });

  it('decides only on a commitment that awaits approval', () => {
    spec.given(accepted).when(approve).thenThrows('RULE_VIOLATED', 'awaitsApproval');
    spec
      .given([...pending, decided('CommitmentApproved', 'C2')])
      .when(reject)
      .thenThrows('RULE_VIOLATED', 'awaitsApproval');
  });

  it('needs a reason to reject', () => {
    spec
      .given(pending)
      .when({ ...reject, note: ' ' })
      .thenThrows('BAD_USER_INPUT');
  });
});

describe('withdrawing and delivering', () => {
  it('withdraws any open commitment', () => {
    const expected = [{ type: 'CommitmentWithdrawn', data: data('Customer dropped it') }] as CommitmentEvent[];
    spec.given(pending).when(withdraw).then(expected);
    spec.given(accepted).when(withdraw).then(expected);
    spec
      .given([...pending, decided('CommitmentApproved', 'C2')])
      .when(withdraw)
      .then(expected);
  });

  it('delivers only an accepted or approved commitment', () => {
    spec
      .given(accepted)
      .when(deliver)
      .then([{ type: 'CommitmentDelivered', data: data('ok') }]);
    spec
      .given([...pending, decided('CommitmentApproved', 'C2')])
      .when(deliver)
      .then([{ type: 'CommitmentDelivered', data: data('ok') }]);
    spec.given(pending).when(deliver).thenThrows('RULE_VIOLATED', 'deliverableOnlyWhenAgreed');
  });

  it('changes nothing after a final state', () => {
    for (const final of ['CommitmentDelivered', 'CommitmentRejected', 'CommitmentWithdrawn'] as const) {
      for (const command of [approve, reject, withdraw, deliver]) {
        spec
          .given([...accepted, decided(final, 'C2')])
          .when(command)
          .thenThrows('RULE_VIOLATED', 'finalState', 'commitmentId');
      }
    }
  });

  it('needs an existing commitment', () => {
    for (const command of [approve, reject, withdraw, deliver]) spec.given([]).when(command).thenThrows('NOT_FOUND');
  });
});

describe("the budget stream's fold", () => {
  const remaining = (history: BudgetEvent[]) => {
    const state = foldEvents(budgetDecider, history);
    return viewOf(state.budgetHours ?? 100, state.baseline, state.exposure).remainingReserveHours;
  };

  it('frees the reserve when a commitment is withdrawn or rejected, not when it is approved or delivered', () => {
    const example = workedExample();
    expect(remaining(example)).toBe(-6);
    expect(remaining([...example, decided('CommitmentApproved', 'C2'), decided('CommitmentDelivered', 'C2')])).toBe(-6);
    expect(remaining([...example, decided('CommitmentWithdrawn', 'C2')])).toBe(14);
    expect(remaining([...example, decided('CommitmentRejected', 'C2')])).toBe(14);
  });

  it('keeps each commitment with its maker, place and revision', () => {
    const state = foldEvents(budgetDecider, [...workedExample(), decided('CommitmentApproved', 'C2')]);
    expect(state.commitments.get('C2')).toMatchObject({
      status: 'APPROVED',
      estimateHours: 20,
      madeBy: developer,
      promisedBy: { role: 'DEVELOPER', inRevision: false },
      madeToId: 'c-dora',
      revision: 2,
      order: 1,
      covered: false,
    });
    expect(state.made).toBe(3);
  });
});
