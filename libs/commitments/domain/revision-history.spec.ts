import { roundHours } from '@cf/core';
import { budgetDecider } from './budget.decide.js';
import type { BudgetEvent } from './budget.state.js';
import type { ReviseCommitment } from './commitments.commands.js';
import type { CommitmentRevised } from './commitments.events.js';
import {
  budgetChanged,
  contractApproved,
  decidedAfter,
  developer,
  madeIn,
  makeC1,
  makeOutside,
  pat,
  projectId,
  revise,
} from './commitments.spec-fixtures.js';

const revisedBy = (history: BudgetEvent[], command: ReviseCommitment): CommitmentRevised['data'] =>
  (decidedAfter(history, command).at(-1) as CommitmentRevised).data;

describe('a revision judges history on the links it was made with', () => {
  it('a 1 h trim, with a relink or without, keeps the judgement as made', () => {
    const made = decidedAfter([contractApproved], makeOutside('C9', 40)); // outside reqs, draws 40 on 30 → exceeds 10
    expect(madeIn(made, 'C9').data.atDecision).toMatchObject({ outsideRequirements: true, outsideBudget: true, exceedsBudgetByHours: 10 });
    const trimOnly = revisedBy(made, revise({ commitmentId: 'C9', estimateHours: 39, madeTo: pat }));
    expect(trimOnly.atDecision).toBeUndefined();
    const onR1 = { requirementIds: ['R1'], requirements: [{ id: 'R1', projectId }] };
    const relinkAndTrim = revisedBy(made, revise({ commitmentId: 'C9', estimateHours: 39, madeTo: pat, ...onR1 }));
    expect(relinkAndTrim.atDecision).toBeUndefined();
  });

  it("a developer's relink of a manager's promise (no estimate change) does not re-judge the budget part", () => {
    const made = decidedAfter([contractApproved], makeC1({ estimateHours: 75 })); // manager; overruns R1 by 35 on 30 → exceeds 5
    expect(madeIn(made, 'C1').data.atDecision).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 5 });
    const raised = [...made, budgetChanged(100, 200)];
    const relinked = revisedBy(
      raised,
      revise({ actor: developer, reviserRole: 'DEVELOPER', requirementIds: ['R9'], requirements: [{ id: 'R9', projectId }] }),
    );
    expect(relinked.changes.map((c) => c.field)).toEqual(['requirementIds']);
    expect(relinked.atDecision).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 5 });
  });
});

describe('taking a promise outside is judged against the promise as it stood just before', () => {
  it("a developer who takes a manager's promise (within requirements today) back outside requirements carries it", () => {
    const none = { requirementIds: [] as string[], requirements: [] };
    const made = decidedAfter([contractApproved], makeC1({ estimateHours: 10, ...none })); // manager; outside reqs, within budget
    expect(madeIn(made, 'C1').data.atDecision).toMatchObject({ outsideRequirements: true, outsideBudget: false });
    const onR1 = decidedAfter(made, revise({ requirementIds: ['R1'], requirements: [{ id: 'R1', projectId }] })); // manager relinks within
    const byDev = revisedBy(onR1, revise({ actor: developer, reviserRole: 'DEVELOPER', ...none }));
    expect(byDev.promisedByReviser).toBe('DEVELOPER');
  });
});

describe('a new due date alone keeps the status', () => {
  it('keeps a commitment relinked within requirements ACCEPTED when only its due date moves', () => {
    const none = { requirementIds: [] as string[], requirements: [] };
    const made = decidedAfter([contractApproved], makeC1({ estimateHours: 10, ...none })); // manager; outside reqs → PENDING_APPROVAL
    const onR1 = decidedAfter(made, revise({ requirementIds: ['R1'], requirements: [{ id: 'R1', projectId }] }));
    expect((onR1.at(-1) as CommitmentRevised).data.status).toBe('ACCEPTED');
    const moved = revisedBy(onR1, revise({ dueDate: '2025-06-30' }));
    expect(moved.changes.map((c) => c.field)).toEqual(['dueDate']);
    expect(moved.status).toBe('ACCEPTED');
  });
});

describe('no approval is skipped through a due date', () => {
  it("a developer's promise relinked outside requirements stays PENDING_APPROVAL when only its due date then moves", () => {
    const by = { actor: developer, reviserRole: 'DEVELOPER' as const };
    const made = decidedAfter([contractApproved], makeC1({ estimateHours: 10, actor: developer, makerRole: 'DEVELOPER' })); // on R1, within
    expect(madeIn(made, 'C1').data.status).toBe('ACCEPTED');
    const outside = decidedAfter(made, revise({ ...by, requirementIds: ['R9'], requirements: [{ id: 'R9', projectId }] }));
    expect((outside.at(-1) as CommitmentRevised).data.status).toBe('PENDING_APPROVAL');
    const moved = revisedBy(outside, revise({ ...by, dueDate: '2025-06-30' }));
    expect(moved.status).toBe('PENDING_APPROVAL');
  });
});

describe('a raise is judged by what it adds beyond the reserve, once', () => {
  const trimmedAndRaised = (history: BudgetEvent[], commitmentId: string, low: number, high: number, times: number) => {
    let events = history;
    for (let i = 0; i < times; i++) {
      events = decidedAfter(events, revise({ commitmentId, estimateHours: low, madeTo: pat }));
      events = decidedAfter(events, revise({ commitmentId, estimateHours: high, madeTo: pat }));
    }
    return (events.at(-1) as CommitmentRevised).data;
  };

  it('counts the same hours over the budget once through trims and raises back', () => {
    const made = decidedAfter([contractApproved], makeOutside('C9', 40)); // 10 h over
    expect(trimmedAndRaised(made, 'C9', 1, 40, 3).atDecision).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 10 });
  });

  it('judges a raise on the links the promise has, against the others, its own earlier hours on the same links', () => {
    const x = makeOutside('X', 40, { requirementIds: ['R1'], requirements: [{ id: 'R1', projectId }] }); // within R1's 40 h
    const onR2 = decidedAfter(
      decidedAfter([contractApproved], x),
      revise({ commitmentId: 'X', requirementIds: ['R2'], requirements: [{ id: 'R2', projectId }], madeTo: pat }),
    );
    // X overruns R2 by 10 h, and Y draws 20 h: none of the reserve is left.
    const filled = decidedAfter(onR2, makeC1({ commitmentId: 'Y', estimateHours: 20, requirementIds: [], requirements: [] }));
    // Raised to 80 h on R2, X overruns it by 50 h: 40 h beyond what Y leaves of the reserve.
    const raised = revisedBy(
      filled,
      revise({ commitmentId: 'X', estimateHours: 80, madeTo: pat, actor: developer, reviserRole: 'DEVELOPER' }),
    );
    expect(raised).toMatchObject({
      status: 'PENDING_APPROVAL',
      atDecision: { outsideBudget: true, exceedsBudgetByHours: 40, madeWithoutAuthority: true },
    });
  });

  it('adds raises of a fraction of a cent up to the cents they exceed by', () => {
    const onBoth = {
      requirementIds: ['R1', 'R2'],
      requirements: [
        { id: 'R1', projectId },
        { id: 'R2', projectId },
      ],
    };
    let events = decidedAfter(
      [contractApproved],
      makeC1({ commitmentId: 'Y', estimateHours: 30, requirementIds: ['R2'], requirements: [{ id: 'R2', projectId }] }),
    );
    events = decidedAfter(events, makeOutside('X', 0.01, onBoth));
    events = decidedAfter(events, makeC1({ commitmentId: 'Z', estimateHours: 30, requirementIds: [], requirements: [] })); // the whole reserve
    for (let hours = 0.02; hours <= 0.3001; hours += 0.01)
      events = decidedAfter(events, revise({ commitmentId: 'X', estimateHours: roundHours(hours), madeTo: pat }));
    const x = events.reduce(budgetDecider.evolve, budgetDecider.initialState()).commitments.get('X')!;
    // R2 is full: of every hour X adds, 3/7 overrun it, so 0.29 h more exceed the budget by about 0.12 h.
    expect(x.atDecision).toMatchObject({ outsideBudget: true });
    expect(x.atDecision.exceedsBudgetByHours).toBeGreaterThanOrEqual(0.12);
  });

  it('keeps a promise raised outside the budget waiting for approval through a trim, until it fits after every other', () => {
    const m = makeC1({ commitmentId: 'M', estimateHours: 30, requirementIds: [], requirements: [] }); // the whole reserve
    const raised = decidedAfter(decidedAfter(decidedAfter([contractApproved], makeC1()), m), revise({ estimateHours: 50 }));
    expect((raised.at(-1) as CommitmentRevised).data).toMatchObject({
      status: 'PENDING_APPROVAL',
      atDecision: { exceedsBudgetByHours: 10 },
    });
    expect(revisedBy(raised, revise({ estimateHours: 49.99 })).status).toBe('PENDING_APPROVAL');
    expect(revisedBy(raised, revise({ estimateHours: 40 })).status).toBe('ACCEPTED');
  });
});
