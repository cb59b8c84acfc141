import type { BudgetEvent } from './budget.state.js';
import type { ReviseCommitment } from './commitments.commands.js';
import type { CommitmentRevised } from './commitments.events.js';
import { contractApproved, decided, decidedAfter, developer, makeC1, manager, projectId, revise } from './commitments.spec-fixtures.js';

const revisedBy = (history: BudgetEvent[], command: ReviseCommitment): CommitmentRevised['data'] =>
  (decidedAfter(history, command).at(-1) as CommitmentRevised).data;
const onR1 = { requirementIds: ['R1'], requirements: [{ id: 'R1', projectId }] };
const onR2 = { requirementIds: ['R2'], requirements: [{ id: 'R2', projectId }] };
const byDeveloper = { actor: developer, reviserRole: 'DEVELOPER' as const, reason: 'It is R2 work' };

/**
 * The worked baseline (R1 40 h, R2 30 h, a reserve of 30 h): Y fills R2, X draws 10 h of R1, and
 * M, a manager's 30 h outside requirements made after both, was approved on the whole reserve.
 */
const reserveDrawnByM = (x: Partial<Parameters<typeof makeC1>[0]> = {}, yHours = 30): BudgetEvent[] => {
  let history: BudgetEvent[] = [contractApproved];
  history = decidedAfter(history, makeC1({ commitmentId: 'Y', estimateHours: yHours, ...onR2 }));
  history = decidedAfter(history, makeC1({ commitmentId: 'X', estimateHours: 10, actor: developer, makerRole: 'DEVELOPER', ...x }));
  history = decidedAfter(history, makeC1({ commitmentId: 'M', estimateHours: 30, requirementIds: [], requirements: [] }));
  return [...history, decided('CommitmentApproved', 'M')];
};

describe('a relink draws only the reserve no promise drew by then, whatever its place', () => {
  it('flags a developer who relinks their promise onto a requirement it overruns, on reserve a later, approved promise drew', () => {
    const relinked = revisedBy(reserveDrawnByM(), revise({ commitmentId: 'X', ...onR2, ...byDeveloper }));
    expect(relinked).toMatchObject({
      status: 'PENDING_APPROVAL',
      atDecision: {
        outsideRequirements: false,
        outsideBudget: true,
        exceedsBudgetByHours: 10,
        madeWithoutAuthority: true,
        budgetAtDecision: { remainingReserveHours: 0 },
        reasons: [
          'A relink draws 10 h more on a reserve of 0 h — exceeds the budget by 10 h.',
          'Made by a developer, not a manager, although it is outside the budget.',
        ],
      },
    });
    // In its place it still fits today (M is the one pushed out): the step is what history records.
    expect(relinked.judgedAtRevision).toMatchObject({ outsideBudget: false });
  });

  it("makes a manager's promise a developer relinks so rest on the developer's authority", () => {
    const managers = reserveDrawnByM({ actor: manager, makerRole: 'MANAGER' });
    const relinked = revisedBy(managers, revise({ commitmentId: 'X', ...onR2, ...byDeveloper }));
    expect(relinked).toMatchObject({
      status: 'PENDING_APPROVAL',
      promisedByReviser: 'DEVELOPER',
      atDecision: { outsideBudget: true, exceedsBudgetByHours: 10, madeWithoutAuthority: true },
    });
    expect(relinked.atDecision?.reasons[1]).toBe('Revised by a developer, not a manager, although it is outside the budget.');
  });

  it('sends a manager who relinks so for approval, with authority', () => {
    const managers = reserveDrawnByM({ actor: manager, makerRole: 'MANAGER' });
    const relinked = revisedBy(managers, revise({ commitmentId: 'X', ...onR2 }));
    expect(relinked).toMatchObject({ status: 'PENDING_APPROVAL', atDecision: { outsideBudget: true, madeWithoutAuthority: false } });
    expect(relinked.promisedByReviser).toBeUndefined();
  });

  it('records nothing as made when what the relink moves fits the reserve left after every other promise', () => {
    const withoutM = reserveDrawnByM().slice(0, 3); // the baseline, Y and X: the reserve of 30 h is free
    const relinked = revisedBy(withoutM, revise({ commitmentId: 'X', ...onR2, ...byDeveloper }));
    expect(relinked.status).toBe('ACCEPTED');
    expect(relinked.atDecision).toBeUndefined();
  });

  it('moves the hours left after a trim in the same revision, not those it had', () => {
    // Y leaves 5 h of R2: X trimmed to 5 h fits them; at its 10 h it would take 5 h of M's reserve.
    const history = reserveDrawnByM({}, 25);
    expect(revisedBy(history, revise({ commitmentId: 'X', ...onR2, ...byDeveloper })).atDecision).toMatchObject({
      exceedsBudgetByHours: 5,
    });
    const trimmed = revisedBy(history, revise({ commitmentId: 'X', estimateHours: 5, ...onR2, ...byDeveloper }));
    expect(trimmed).toMatchObject({ status: 'ACCEPTED' });
    expect(trimmed.atDecision).toBeUndefined();
  });

  it('judges a relink and a raise in one revision as one step: what the promise then draws against what it drew', () => {
    // 10 h within R1 become 12 h over a full R2: all 12 h beyond the reserve M drew.
    const both = revisedBy(reserveDrawnByM(), revise({ commitmentId: 'X', estimateHours: 12, ...onR2, ...byDeveloper }));
    expect(both).toMatchObject({ status: 'PENDING_APPROVAL', atDecision: { outsideBudget: true, exceedsBudgetByHours: 12 } });
    expect(both.atDecision?.reasons[0]).toBe('A raise with a relink draws 12 h more on a reserve of 0 h — exceeds the budget by 12 h.');
    // Back onto R1 it takes nothing more, and the promise stays as recorded: outside until it fits after every other.
    const onR2Recorded = decidedAfter(reserveDrawnByM(), revise({ commitmentId: 'X', ...onR2, ...byDeveloper }));
    const back = revisedBy(onR2Recorded, revise({ commitmentId: 'X', ...onR1, ...byDeveloper }));
    expect(back.atDecision).toBeUndefined();
    expect(back.status).toBe('PENDING_APPROVAL'); // made without authority by the relink: a manager approves it
  });

  it('judges a raise after a relink on the links the promise has, not those it was made with', () => {
    // Y leaves 10 h of R2: X relinked there fits; raised to 20 h it overruns R2 by 10 h on reserve M drew.
    const relinked = decidedAfter(reserveDrawnByM({}, 20), revise({ commitmentId: 'X', ...onR2, ...byDeveloper }));
    expect((relinked.at(-1) as CommitmentRevised).data.atDecision).toBeUndefined();
    const raised = revisedBy(relinked, revise({ commitmentId: 'X', estimateHours: 20, ...byDeveloper }));
    expect(raised).toMatchObject({ status: 'PENDING_APPROVAL', atDecision: { outsideBudget: true, exceedsBudgetByHours: 10 } });
  });

  it("records nothing as made when a developer's relink only changes which promise overruns first", () => {
    // The manager's W (30 h off requirements) draws the whole reserve; E fills R2; M 10 h and L 40 h share R1, so L
    // overruns it by 10 h (outside as made); Z draws 20 h more off requirements. W and Z approved.
    const offRequirements = { requirementIds: [], requirements: [] };
    let history: BudgetEvent[] = [contractApproved];
    history = decidedAfter(history, makeC1({ commitmentId: 'W', estimateHours: 30, ...offRequirements }));
    history = decidedAfter(history, makeC1({ commitmentId: 'E', estimateHours: 30, ...onR2 }));
    history = decidedAfter(history, makeC1({ commitmentId: 'M', estimateHours: 10 }));
    history = decidedAfter(history, makeC1({ commitmentId: 'L', estimateHours: 40 }));
    history = decidedAfter(history, makeC1({ commitmentId: 'Z', estimateHours: 20, ...offRequirements }));
    history = [...history, decided('CommitmentApproved', 'W'), decided('CommitmentApproved', 'Z')];
    // Onto R2, M overruns it by the 10 h it overran R1 by after every other: it takes nothing more (L comes inside today).
    const relinked = revisedBy(history, revise({ commitmentId: 'M', ...onR2, ...byDeveloper }));
    expect(relinked.atDecision).toBeUndefined();
    expect(relinked.promisedByReviser).toBeUndefined();
    expect(relinked.judgedAtRevision).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 10 }); // today, in its place
  });

  it('records as made a developer who takes their own promise outside requirements: it waits for a manager', () => {
    const ownOnR1 = decidedAfter(
      [contractApproved],
      makeC1({ commitmentId: 'D', estimateHours: 10, actor: developer, makerRole: 'DEVELOPER' }),
    );
    const relinked = revisedBy(ownOnR1, revise({ commitmentId: 'D', requirementIds: [], requirements: [], ...byDeveloper }));
    expect(relinked).toMatchObject({
      status: 'PENDING_APPROVAL',
      atDecision: {
        outsideRequirements: true,
        outsideBudget: false,
        madeWithoutAuthority: true,
        reasons: [
          "Links no requirement of baseline 'Contract' — it adds scope.",
          'Made by a developer, not a manager, although it is outside requirements.',
        ],
      },
    });
    expect(relinked.promisedByReviser).toBeUndefined();
    // A manager who does the same promises with authority: today's standing shows it, history stays.
    expect(revisedBy(ownOnR1, revise({ commitmentId: 'D', requirementIds: [], requirements: [] })).atDecision).toBeUndefined();
  });

  it("makes a developer's promise a manager takes outside rest on the manager's authority: nothing waits for a manager", () => {
    // X, the developer's 10 h on R1, raised by the manager to 12 h on a full R2: 12 h beyond the reserve M drew.
    const raised = revisedBy(reserveDrawnByM(), revise({ commitmentId: 'X', estimateHours: 12, ...onR2 }));
    expect(raised).toMatchObject({
      status: 'PENDING_APPROVAL',
      promisedByReviser: 'MANAGER',
      atDecision: { outsideBudget: true, exceedsBudgetByHours: 12, madeWithoutAuthority: false },
    });
    expect(raised.atDecision?.reasons).toEqual(['A raise with a relink draws 12 h more on a reserve of 0 h — exceeds the budget by 12 h.']);
    // One the developer had made without authority stays so, in the developer's words.
    const outsideByDeveloper = decidedAfter(reserveDrawnByM(), revise({ commitmentId: 'X', ...onR2, ...byDeveloper }));
    const raisedAfter = revisedBy(outsideByDeveloper, revise({ commitmentId: 'X', estimateHours: 14 }));
    expect(raisedAfter).toMatchObject({ promisedByReviser: 'MANAGER', atDecision: { madeWithoutAuthority: true } });
    expect(raisedAfter.atDecision?.reasons.at(-1)).toBe('Made by a developer, not a manager, although it is outside the budget.');
  });

  it('never flags a revision that takes reserve back, though the reserve is overdrawn', () => {
    // Z leaves 10 h of R1; X's 20 h overrun it by 10 h; M, approved, is 10 h beyond the budget.
    let history: BudgetEvent[] = [contractApproved];
    history = decidedAfter(history, makeC1({ commitmentId: 'Z', estimateHours: 30 }));
    history = decidedAfter(history, makeC1({ commitmentId: 'X', estimateHours: 20, actor: developer, makerRole: 'DEVELOPER' }));
    history = decidedAfter(history, makeC1({ commitmentId: 'M', estimateHours: 30, requirementIds: [], requirements: [] }));
    history = [...history, decided('CommitmentApproved', 'M')];
    // Trimmed to 8 h off requirements, X draws 8 h of the reserve instead of 10 h.
    const offRequirements = { requirementIds: [], requirements: [], ...byDeveloper };
    const trimmed = revisedBy(history, revise({ commitmentId: 'X', estimateHours: 8, ...offRequirements }));
    expect(trimmed.atDecision?.outsideBudget ?? false).toBe(false);
    // Raised to 25 h on R2, which has room for it, X draws none of the reserve.
    const raised = revisedBy(history, revise({ commitmentId: 'X', estimateHours: 25, ...onR2, ...byDeveloper }));
    expect(raised.atDecision).toMatchObject({ outsideBudget: false, exceedsBudgetByHours: 0 });
  });
});
