import { type BudgetInputs, budgetView } from './budget.js';
import { classifyCommitment } from './budget-judgement.js';

const contract = {
  baselineId: 'b-1',
  name: 'Contract',
  requirements: [
    { requirementId: 'R1', estimateHours: 40 },
    { requirementId: 'R2', estimateHours: 30 },
  ],
};
const c1 = { commitmentId: 'C1', estimateHours: 40, requirementIds: ['R1'] };
const c2 = { commitmentId: 'C2', estimateHours: 20, requirementIds: [] };
const c3 = { commitmentId: 'C3', estimateHours: 16, requirementIds: ['R9'] };
const budget = (activeCommitments: BudgetInputs['activeCommitments'], budgetHours = 100): BudgetInputs => ({
  budgetHours,
  baseline: contract,
  activeCommitments,
});

describe('budget arithmetic', () => {
  it('holds the worked example of the design', () => {
    expect(budgetView(budget([]))).toEqual({
      budgetHours: 100,
      baselineHours: 70,
      reserveHours: 30,
      promisedBaselineHours: 0,
      overrunHours: 0,
      outsideRequirementsHours: 0,
      exposureHours: 70,
      remainingReserveHours: 30,
    });
    const first = classifyCommitment(c1, budget([]));
    expect(first).toMatchObject({ outsideRequirements: false, outsideBudget: false, exceedsBudgetByHours: 0, drawHours: 0 });
    const second = classifyCommitment(c2, budget([c1]));
    expect(second).toEqual({
      outsideRequirements: true,
      outsideBudget: false,
      exceedsBudgetByHours: 0,
      drawHours: 20,
      budgetAtDecision: { budgetHours: 100, baselineHours: 70, reserveHours: 30, remainingReserveHours: 30 },
    });
    const third = classifyCommitment(c3, budget([c1, c2]));
    expect(third).toMatchObject({ outsideRequirements: true, outsideBudget: true, exceedsBudgetByHours: 6, drawHours: 16 });
    expect(third.budgetAtDecision.remainingReserveHours).toBe(10);
    expect(budgetView(budget([c1, c2, c3]))).toMatchObject({
      promisedBaselineHours: 40,
      outsideRequirementsHours: 36,
      exposureHours: 106,
      remainingReserveHours: -6,
    });
  });

  it('frees the reserve when a commitment is withdrawn or rejected (it leaves the active ones)', () => {
    expect(budgetView(budget([c1, c2, c3])).remainingReserveHours).toBe(-6);
    expect(budgetView(budget([c1, c3])).remainingReserveHours).toBe(14);
    expect(classifyCommitment(c3, budget([c1])).outsideBudget).toBe(false);
  });

  it('draws the overrun on one requirement from the reserve', () => {
    const big = { commitmentId: 'C4', estimateHours: 50, requirementIds: ['R1'] };
    // 50 h on R1's 40 h: the baseline's 40 h are promised, the other 10 h are overrun.
    expect(budgetView(budget([big]))).toMatchObject({
      promisedBaselineHours: 40,
      overrunHours: 10,
      exposureHours: 80,
      remainingReserveHours: 20,
    });
    const more = { commitmentId: 'C5', estimateHours: 25, requirementIds: ['R1'] };
    expect(classifyCommitment(more, budget([big]))).toMatchObject({
      outsideRequirements: false,
      outsideBudget: true,
      drawHours: 25,
      exceedsBudgetByHours: 5,
    });
  });

  it('spreads a commitment over its baseline requirements by their estimates, ignoring others', () => {
    const spread = { commitmentId: 'C6', estimateHours: 84, requirementIds: ['R1', 'R2', 'R9'] };
    // 84 h → 48 h on R1 (40) and 36 h on R2 (30): overrun 8 + 6.
    expect(budgetView(budget([spread]))).toMatchObject({ overrunHours: 14, outsideRequirementsHours: 0 });
    const zero = {
      baselineId: 'b-0',
      requirements: [
        { requirementId: 'Z1', estimateHours: 0 },
        { requirementId: 'Z2', estimateHours: 0 },
      ],
    };
    const onZero = { commitmentId: 'C7', estimateHours: 10, requirementIds: ['Z1', 'Z2'] };
    expect(budgetView({ budgetHours: 20, baseline: zero, activeCommitments: [onZero] })).toMatchObject({
      overrunHours: 10,
      remainingReserveHours: 10,
    });
  });

  it('moves the reserve when the budget changes', () => {
    expect(budgetView(budget([c1, c2, c3], 110))).toMatchObject({ reserveHours: 40, remainingReserveHours: 4 });
    expect(classifyCommitment(c3, budget([c1, c2], 110)).outsideBudget).toBe(false);
    expect(classifyCommitment(c3, budget([c1, c2], 90))).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 16 });
  });

  it('judges later decisions on a new baseline, which replaces the old one', () => {
    const onR3 = { commitmentId: 'C8', estimateHours: 20, requirementIds: ['R3'] };
    expect(classifyCommitment(onR3, budget([])).outsideRequirements).toBe(true);
    const amended = { baselineId: 'b-2', requirements: [...contract.requirements, { requirementId: 'R3', estimateHours: 20 }] };
    const inputs = { budgetHours: 100, baseline: amended, activeCommitments: [] };
    expect(classifyCommitment(onR3, inputs)).toMatchObject({ outsideRequirements: false, outsideBudget: false, drawHours: 0 });
    expect(budgetView(inputs)).toMatchObject({ baselineHours: 90, reserveHours: 10 });
  });

  it('treats every commitment as outside requirements while no baseline is approved', () => {
    const inputs = { budgetHours: 50, baseline: null, activeCommitments: [c1] };
    expect(budgetView(inputs)).toMatchObject({ baselineHours: 0, reserveHours: 50, remainingReserveHours: 10 });
    expect(classifyCommitment(c3, inputs)).toMatchObject({ outsideRequirements: true, outsideBudget: true, exceedsBudgetByHours: 6 });
  });

  it('counts any draw as outside the budget once the reserve is gone, and a draw of exactly the rest as within', () => {
    const tiny = { commitmentId: 'C9', estimateHours: 0.5, requirementIds: [] };
    expect(classifyCommitment(tiny, budget([c1, c2, c3]))).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 0.5 });
    const rest = { commitmentId: 'C10', estimateHours: 10, requirementIds: [] };
    expect(classifyCommitment(rest, budget([c1, c2]))).toMatchObject({ outsideBudget: false, exceedsBudgetByHours: 0 });
  });

  it('leaves the candidate itself out of the picture it is judged on, and rounds to 2 decimals', () => {
    const revised = { ...c3, estimateHours: 12.5 };
    expect(classifyCommitment(revised, budget([c1, c2, c3]))).toMatchObject({ exceedsBudgetByHours: 2.5, drawHours: 12.5 });
    const third = { ...c3, estimateHours: 10 / 3 };
    expect(classifyCommitment(third, budget([c1]))).toMatchObject({ outsideBudget: false, drawHours: 3.33 });
    const thirds = [1, 2, 3].map((n) => ({ commitmentId: `T${n}`, estimateHours: 0.1, requirementIds: [] }));
    expect(budgetView(budget(thirds)).outsideRequirementsHours).toBe(0.3);
  });

  it('judges the budget at cent precision, as every figure shows it: an excess that reads 0 h is within', () => {
    // Budget 100.33 on a baseline of 1 + 2 + 97 h: a reserve of 0.33 h. C1 takes R1's whole hour;
    // C2's hour splits 1:2 over R1 and R2, so its third on R1 overruns it by 0.333… h, 0.0033 h more than the reserve.
    const cents = {
      baselineId: 'b-2',
      name: 'Cents',
      requirements: ['R1', 'R2', 'R3'].map((id, i) => ({ requirementId: id, estimateHours: [1, 2, 97][i] })),
    };
    const inputs = {
      budgetHours: 100.33,
      baseline: cents,
      activeCommitments: [{ commitmentId: 'C1', estimateHours: 1, requirementIds: ['R1'] }],
    };
    const split = { commitmentId: 'C2', estimateHours: 1, requirementIds: ['R1', 'R2'] };
    expect(classifyCommitment(split, inputs)).toMatchObject({ outsideBudget: false, exceedsBudgetByHours: 0, drawHours: 0.33 });
    // A cent over is outside by 0.01 h, as the view then shows the reserve overdrawn by 0.01 h.
    const over = { commitmentId: 'C3', estimateHours: 0.34, requirementIds: [] };
    expect(classifyCommitment(over, inputs)).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 0.01 });
    expect(budgetView({ ...inputs, activeCommitments: [...inputs.activeCommitments, over] }).remainingReserveHours).toBe(-0.01);
  });
});
