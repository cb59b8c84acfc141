import type { BudgetEvent } from './budget.state.js';
import type { CommitmentRevised } from './commitments.events.js';
import { changeOrder, contractApproved, decided, decidedAfter, developer, dora, makeC1, revise } from './commitments.spec-fixtures.js';

const last = (history: BudgetEvent[]) => (history.at(-1) as CommitmentRevised).data;
const byDeveloper = { actor: developer, reviserRole: 'DEVELOPER' as const };

/** What a reviser who is not a manager is said to have taken a manager's promise outside of. */
describe("a developer's revision of a manager's promise names what the developer took outside", () => {
  // The manager's 35 h outside requirements, 5 h beyond the reserve of 30 h, approved and then paid by a change order.
  const covered = (): BudgetEvent[] => {
    const made = decidedAfter([contractApproved], makeC1({ estimateHours: 35, requirementIds: [], requirements: [] }));
    const approved = [...made, decided('CommitmentApproved')];
    return decidedAfter(
      approved,
      changeOrder({ budgetHours: 120, coversCommitmentIds: ['C1'], countersignedById: dora.id, countersignedBy: dora }),
    );
  };

  it('says outside requirements only, when the hours the developer adds fit the budget', () => {
    const raised = last(decidedAfter(covered(), revise({ estimateHours: 36, ...byDeveloper })));
    expect(raised).toMatchObject({ promisedByReviser: 'DEVELOPER', atDecision: { outsideBudget: true, madeWithoutAuthority: true } });
    // The 5 h beyond the budget were the manager's, and stay in history with the manager's sentence.
    expect(raised.atDecision!.reasons).toEqual([
      "Links no requirement of baseline 'Contract' — it adds scope.",
      'Draws 35 h on a reserve of 30 h — exceeds the budget by 5 h.',
      'Revised by a developer, not a manager, although it is outside requirements.',
    ]);
  });

  it('says the budget too, when the hours the developer adds go beyond it', () => {
    const raised = last(decidedAfter(covered(), revise({ estimateHours: 60, ...byDeveloper })));
    expect(raised.atDecision!.reasons.at(-1)).toBe(
      'Revised by a developer, not a manager, although it is outside requirements and the budget.',
    );
  });
});
