import fc from 'fast-check';
import { budgetView } from '../../libs/commitments/domain/budget.js';
import { classifyCommitment } from '../../libs/commitments/domain/budget-judgement.js';
import type { BudgetBaseline, BudgetCommitment, BudgetInputs } from '../../libs/commitments/domain/budget.types.js';

/** Every reported figure is rounded to 2 decimals: allow half a cent per rounded term. */
const CENT = 0.005;
/** Hours as the service takes them: to the hundredth. */
const inHundredths = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((hundredths) => hundredths / 100);
const hours = fc.oneof(fc.integer({ min: 0, max: 200 }), inHundredths(200));
const requirementIds = ['R1', 'R2', 'R3', 'R4'];

const baseline: fc.Arbitrary<BudgetBaseline | null> = fc.option(
  fc
    .uniqueArray(fc.record({ requirementId: fc.constantFrom(...requirementIds), estimateHours: hours }), {
      selector: (r) => r.requirementId,
      minLength: 1,
    })
    .map((requirements) => ({ baselineId: 'b-1', name: 'Contract', requirements })),
  { nil: null, freq: 5 },
);
const commitments: fc.Arbitrary<BudgetCommitment[]> = fc
  .array(
    fc.record({
      estimateHours: fc.oneof(
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 15_000 }).map((hundredths) => hundredths / 100),
      ),
      requirementIds: fc.subarray([...requirementIds, 'R-new']),
    }),
    { maxLength: 12 },
  )
  .map((list) => list.map((c, i) => ({ ...c, commitmentId: `C${i + 1}` })));
const budgetHours = fc.oneof(fc.integer({ min: 0, max: 1000 }), inHundredths(1000));

const scenario = fc.record({ budgetHours, baseline, commitments });
const inputsOf = (s: { budgetHours: number; baseline: BudgetBaseline | null }, active: BudgetCommitment[]): BudgetInputs => ({
  budgetHours: s.budgetHours,
  baseline: s.baseline,
  activeCommitments: active,
});

describe('budget classification (property)', () => {
  it('exceedsBudgetByHours is never negative, 0 within the budget, and the excess of the draw outside it', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        s.commitments.forEach((candidate, i) => {
          const before = inputsOf(s, s.commitments.slice(0, i));
          const c = classifyCommitment(candidate, before);
          const available = Math.max(budgetView(before).remainingReserveHours, 0);
          expect(c.exceedsBudgetByHours).toBeGreaterThanOrEqual(0);
          expect(c.drawHours).toBeGreaterThanOrEqual(0);
          if (!c.outsideBudget) expect(c.exceedsBudgetByHours).toBe(0);
          if (c.drawHours <= available - 2 * CENT) expect(c.outsideBudget).toBe(false);
          if (c.drawHours >= available + 2 * CENT) expect(c.outsideBudget).toBe(true);
          if (c.outsideBudget) expect(Math.abs(c.exceedsBudgetByHours - (c.drawHours - available))).toBeLessThanOrEqual(3 * CENT);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('the draws of commitments added one by one sum to exposure − baselineHours', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const draws = s.commitments.map((candidate, i) => classifyCommitment(candidate, inputsOf(s, s.commitments.slice(0, i))).drawHours);
        const view = budgetView(inputsOf(s, s.commitments));
        const sum = draws.reduce((a, b) => a + b, 0);
        expect(Math.abs(view.exposureHours - view.baselineHours - sum)).toBeLessThanOrEqual((draws.length + 2) * CENT);
      }),
      { numRuns: 500 },
    );
  });

  it('remainingReserveHours == budgetHours − exposureHours, and exposure never falls below the baseline', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const view = budgetView(inputsOf(s, s.commitments));
        expect(Math.abs(view.remainingReserveHours - (view.budgetHours - view.exposureHours))).toBeLessThanOrEqual(3 * CENT);
        expect(Math.abs(view.reserveHours - (view.budgetHours - view.baselineHours))).toBeLessThanOrEqual(3 * CENT);
        expect(view.exposureHours).toBeGreaterThanOrEqual(view.baselineHours - 2 * CENT);
        expect(view.overrunHours).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('the classification does not depend on the order of the other active commitments', () => {
    const shuffled = scenario
      .filter((s) => s.commitments.length >= 2)
      .chain((s) => fc.shuffledSubarray(s.commitments.slice(1), { minLength: s.commitments.length - 1 }).map((rest) => ({ s, rest })));
    fc.assert(
      fc.property(shuffled, ({ s, rest }) => {
        const [candidate, ...inOrder] = s.commitments;
        const a = classifyCommitment(candidate, inputsOf(s, inOrder));
        const b = classifyCommitment(candidate, inputsOf(s, rest));
        expect(b.outsideBudget).toBe(a.outsideBudget);
        expect(Math.abs(b.drawHours - a.drawHours)).toBeLessThanOrEqual(2 * CENT);
      }),
      { numRuns: 300 },
    );
  });
});
