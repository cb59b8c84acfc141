import { budgetView } from './budget.js';
import { classifyCommitment } from './budget-judgement.js';

/** A baseline of R1, R2… with these estimates. */
const contractOf = (...estimates: number[]) => ({
  baselineId: 'b-1',
  name: 'Contract',
  requirements: estimates.map((estimateHours, i) => ({ requirementId: `R${i + 1}`, estimateHours })),
});

/**
 * Draws spread over requirements in proportion to their estimates leave fractions of a cent: a
 * judgement is made in the figures the budget view shows, so its reason's draw, reserve and excess
 * add up to the cent, and its excess is the overdraw the view shows after it.
 */
describe('judging a draw in the figures the budget view shows', () => {
  const baseline = contractOf(1, 2);
  const onR1 = { commitmentId: 'X', estimateHours: 1.5, requirementIds: ['R1'] };
  const judged = (y: number, z: number) => {
    const before = [onR1, { commitmentId: 'Y', estimateHours: y, requirementIds: ['R1', 'R2'] }];
    const candidate = { commitmentId: 'Z', estimateHours: z, requirementIds: ['R1', 'R2'] };
    const inputs = { budgetHours: 4, baseline };
    return {
      judgement: classifyCommitment(candidate, { ...inputs, activeCommitments: before }),
      after: budgetView({ ...inputs, activeCommitments: [...before, candidate] }).remainingReserveHours,
    };
  };

  it.each([
    // Unrounded 2/3 h on a reserve of 1/3 h: shown, 0.66 h on 0.33 h, and the view is overdrawn by 0.33 h after it.
    { y: 0.5, z: 2, draw: 0.66, reserve: 0.33, exceeds: 0.33, after: -0.33 },
    // Unrounded 0.50333 h on 0.49667 h: an overdraw of 0.67 of a cent, which the view shows as 0.01 h.
    { y: 0.01, z: 1.51, draw: 0.51, reserve: 0.5, exceeds: 0.01, after: -0.01 },
    // Unrounded an overdraw of a third of a cent, which the view shows as none: within.
    { y: 0.02, z: 1.49, draw: 0.49, reserve: 0.49, exceeds: 0, after: 0 },
  ])(
    'judges Z of $z h after Y of $y h: draws $draw h on $reserve h, exceeding by $exceeds h',
    ({ y, z, draw, reserve, exceeds, after }) => {
      const { judgement, after: shownAfter } = judged(y, z);
      expect(judgement).toMatchObject({ drawHours: draw, exceedsBudgetByHours: exceeds, outsideBudget: exceeds > 0 });
      expect(judgement.budgetAtDecision.remainingReserveHours).toBe(reserve);
      expect(shownAfter).toBe(after);
    },
  );
});

/**
 * An overdraw of exactly half a cent: 2.31 − 2.315 is −0.00499999… in binary, and the decision and
 * the read model sum the same hours in other orders, so binary noise must not tip the cent either way.
 */
describe('judging an overdraw of half a cent', () => {
  const baseline = contractOf(1, 1);
  const split = { commitmentId: 'K0', estimateHours: 0.49, requirementIds: ['R1', 'R2'] };
  const onR1 = { commitmentId: 'K1', estimateHours: 1.07, requirementIds: ['R1'] };
  const inputs = (activeCommitments: (typeof split)[]) => ({ budgetHours: 2.31, baseline, activeCommitments });

  it('shows exposure and remaining reserve that add up to the budget, and judges the promise outside by a cent, in any order', () => {
    // 2 h of baseline and R1 overrun by 0.245 + 1.07 − 1 = 0.315 h: an exposure of 2.315 h on 2.31 h.
    for (const order of [
      [split, onR1],
      [onR1, split],
    ]) {
      expect(budgetView(inputs(order))).toMatchObject({ exposureHours: 2.32, remainingReserveHours: -0.01 });
    }
    expect(classifyCommitment(onR1, inputs([split]))).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 0.01 });
    expect(classifyCommitment(split, inputs([onR1]))).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 0.01 });
  });
});
