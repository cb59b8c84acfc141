import { specification } from '@cf/core';
import type { ReviseCommitment } from './commitments.commands.js';
import { commitmentsDecider } from './commitments.decide.js';
import type { CommitmentRevised } from './commitments.events.js';
import { budgetOf, contract, decided, developer, later, makeC1, madeBy, manager, pat, projectId, within } from './commitments.spec-fixtures.js';

const spec = specification(commitmentsDecider);
const c1Made = madeBy(makeC1({ dueDate: '2025-04-30' }));
const revise = (overrides: Partial<ReviseCommitment> = {}): ReviseCommitment => ({
  type: 'ReviseCommitment', at: later, actor: manager, commitmentId: 'C1', reason: 'The export needs a template editor',
  makerRole: 'MANAGER', budget: budgetOf(), ...overrides,
});
const revisedBy = (events: Parameters<typeof spec.given>[0], command: ReviseCommitment): CommitmentRevised['data'] => {
  const state = events.reduce(commitmentsDecider.evolve, commitmentsDecider.initialState());
  return (commitmentsDecider.decide(command, state)[0] as CommitmentRevised).data;
};

describe('ReviseCommitment', () => {
  it('re-classifies a revised estimate: C1 grown to 75 h overruns R1 by 35 h on a reserve of 30 h', () => {
    spec.given([c1Made]).when(revise({ estimateHours: 75 })).then([
      {
        type: 'CommitmentRevised',
        data: {
          commitmentId: 'C1', projectId, revision: 1, estimateHours: 75, dueDate: '2025-04-30',
          changes: [{ field: 'estimateHours', from: 40, to: 75 }], reason: 'The export needs a template editor',
          status: 'PENDING_APPROVAL',
          classification: {
            ...within, outsideBudget: true, exceedsBudgetByHours: 5,
            reasons: ['Draws 35 h on a reserve of 30 h — exceeds the budget by 5 h.'],
          },
          by: manager, at: later,
        },
      },
    ]);
  });

  it('judges the reviser: a developer growing it outside the budget acts without authority', () => {
    const data = revisedBy([c1Made], revise({ estimateHours: 75, actor: developer, makerRole: 'DEVELOPER' }));
    expect(data.classification.madeWithoutAuthority).toBe(true);
    expect(data.classification.reasons.at(-1)).toBe('Made by a developer, not a manager, although it is outside the budget.');
  });

  it('accepts it again when a smaller estimate brings it back within the budget', () => {
    const grown = revisedBy([c1Made], revise({ estimateHours: 75 }));
    const history = [c1Made, { type: 'CommitmentRevised' as const, data: grown }];
    const data = revisedBy(history, revise({ estimateHours: 60 }));
    expect(data).toMatchObject({ revision: 2, status: 'ACCEPTED', changes: [{ field: 'estimateHours', from: 75, to: 60 }] });
    expect(data.classification).toMatchObject({ outsideBudget: false, reasons: [] });
  });

  it('asks for approval again after an approved commitment is revised, keeping the classification for a new date', () => {
    const outside = madeBy(makeC1({ estimateHours: 75 }));
    const data = revisedBy([outside, decided('CommitmentApproved')], revise({ dueDate: '2025-05-15' }));
    expect(data).toMatchObject({
      status: 'PENDING_APPROVAL', estimateHours: 75, dueDate: '2025-05-15',
      changes: [{ field: 'dueDate', from: null, to: '2025-05-15' }],
    });
    expect(data.classification).toEqual(outside.data.classification);
  });

  it('judges against a new baseline, which replaces the old one', () => {
    const onR3 = madeBy(makeC1({ requirementIds: ['R3'], requirements: [{ id: 'R3', projectId }] }));
    expect(onR3.data.classification.outsideRequirements).toBe(true);
    const amended = { baselineId: 'b-2', name: 'Contract v2', requirements: [...contract.requirements, { requirementId: 'R3', estimateHours: 30 }] };
    const data = revisedBy([onR3], revise({ estimateHours: 30, budget: { budgetHours: 100, baseline: amended, activeCommitments: [] } }));
    expect(data).toMatchObject({ status: 'ACCEPTED', classification: { outsideRequirements: false, outsideBudget: false } });
  });

  it('moves with a changed budget', () => {
    const data = revisedBy([c1Made], revise({ estimateHours: 75, budget: budgetOf([], 110) }));
    expect(data).toMatchObject({ status: 'ACCEPTED', classification: { budgetAtDecision: { reserveHours: 40 } } });
  });

  it('keeps who asked, and so the requested-without-authority flag and its reason', () => {
    const viaProxy = madeBy(makeC1({ madeToId: pat.id, madeTo: pat }));
    const data = revisedBy([viaProxy], revise({ estimateHours: 75 }));
    expect(data.classification).toMatchObject({
      requestedWithoutAuthority: true,
      reasons: [
        'Draws 35 h on a reserve of 30 h — exceeds the budget by 5 h.',
        'None of the people who asked (Pat Proxy) can approve scope.',
      ],
    });
  });

  it('leaves the commitment itself out of the budget it is judged on', () => {
    const data = revisedBy([c1Made], revise({ estimateHours: 45, budget: budgetOf([{ commitmentId: 'C1', estimateHours: 40, requirementIds: ['R1'] }]) }));
    expect(data.classification).toMatchObject({ outsideBudget: false, budgetAtDecision: { remainingReserveHours: 30 } });
  });

  it('must change something and give a reason', () => {
    spec.given([c1Made]).when(revise({ estimateHours: 40, dueDate: '2025-04-30' })).thenThrows('RULE_VIOLATED', 'revisionChangesSomething');
    spec.given([c1Made]).when(revise({ estimateHours: 50, reason: '' })).thenThrows('BAD_USER_INPUT');
    spec.given([c1Made]).when(revise({ estimateHours: 0 })).thenThrows('BAD_USER_INPUT');
    spec.given([c1Made]).when(revise({ dueDate: '2025-13-01' })).thenThrows('BAD_USER_INPUT');
  });

  it('revises only an open commitment that exists', () => {
    spec.given([]).when(revise({ estimateHours: 50 })).thenThrows('NOT_FOUND');
    for (const final of ['CommitmentDelivered', 'CommitmentRejected', 'CommitmentWithdrawn'] as const) {
      spec.given([c1Made, decided(final)]).when(revise({ estimateHours: 50 })).thenThrows('RULE_VIOLATED', 'finalState');
    }
  });
});
