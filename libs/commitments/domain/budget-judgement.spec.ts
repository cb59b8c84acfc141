import { classifyCommitment } from './budget-judgement.js';

/**
 * Draws spread over requirements in proportion to their estimates leave fractions of a cent: the
 * excess a judgement names is the draw less the reserve as both are shown, so a reader who checks
 * the reason's arithmetic finds it to the cent.
 */
describe('judging a draw in the figures it is shown in', () => {
  const baseline = {
    baselineId: 'b-1',
    name: 'Contract',
    requirements: [
      { requirementId: 'R1', estimateHours: 1 },
      { requirementId: 'R2', estimateHours: 2 },
    ],
  };
  const before = [
    { commitmentId: 'C1', estimateHours: 1.5, requirementIds: ['R1'] },
    { commitmentId: 'C2', estimateHours: 0.5, requirementIds: ['R1', 'R2'] },
  ];

  it('names as excess the shown draw less the shown reserve, not the unrounded difference', () => {
    // Unrounded: R1 overruns by 2/3 h, 1/3 h of reserve is left, so the excess is 1/3 h (0.33);
    // shown, 0.67 h on a reserve of 0.33 h exceeds it by 0.34 h.
    const judged = classifyCommitment(
      { commitmentId: 'C3', estimateHours: 2, requirementIds: ['R1', 'R2'] },
      { budgetHours: 4, baseline, activeCommitments: before },
    );
    expect(judged).toMatchObject({ drawHours: 0.67, outsideBudget: true, exceedsBudgetByHours: 0.34 });
    expect(judged.budgetAtDecision.remainingReserveHours).toBe(0.33);
  });
});
