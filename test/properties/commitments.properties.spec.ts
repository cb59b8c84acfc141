import fc from 'fast-check';
import { foldEvents, roundHours } from '@cf/core';
import { budgetDecider } from '../../libs/commitments/domain/budget.decide.js';
import type { BudgetEvent } from '../../libs/commitments/domain/budget.state.js';
import { remainingOf } from '../../libs/commitments/domain/budget.js';
import type { BudgetState } from '../../libs/commitments/domain/budget.state.js';
import { exposureOfActive, standingsOf } from '../../libs/commitments/domain/commitments.standing.js';
import { OPENING_BUDGET, budgetCommands } from './budget-commands.js';
import { assertBatchSplitInvariance, historyOf } from './fold-properties.js';

/** The project's remaining reserve with every active commitment drawn: what a raise finds left. */
const remainingReserve = (state: BudgetState): number =>
  remainingOf(state.budgetHours ?? OPENING_BUDGET, state.baseline, exposureOfActive(state));

const atDecisionEachStep = (events: readonly BudgetEvent[]): Map<string, unknown>[] => {
  const steps: Map<string, unknown>[] = [];
  let state = budgetDecider.initialState();
  for (const event of events) {
    state = budgetDecider.evolve(state, event);
    steps.push(new Map([...state.commitments.values()].map((slot) => [slot.commitmentId, slot.atDecision])));
  }
  return steps;
};

/** Links unchanged by the revision, and the ones history is judged on. */
const sameLinks = (before: readonly string[], after: readonly string[], judged: readonly string[]): boolean =>
  JSON.stringify(before) === JSON.stringify(after) && JSON.stringify(after) === JSON.stringify(judged);

describe("the budget stream's decider (property)", () => {
  it('folds the same events to the same state in any batch split', () => {
    assertBatchSplitInvariance(budgetDecider, budgetCommands, 150);
  });

  it("never changes a commitment's atDecision but by the event that judges it: made, or revised in estimate or links", () => {
    fc.assert(
      fc.property(budgetCommands, (commands) => {
        const events = historyOf(budgetDecider, commands);
        const steps = atDecisionEachStep(events);
        events.forEach((event, i) => {
          const judges = event.type === 'CommitmentMade' || (event.type === 'CommitmentRevised' && event.data.atDecision !== undefined);
          for (const [id, atDecision] of steps[i]) {
            if (judges && event.data.commitmentId === id) continue;
            if (i > 0 && steps[i - 1].has(id)) expect(atDecision).toBe(steps[i - 1].get(id));
          }
        });
        expect(foldEvents(budgetDecider, events).commitments.size).toBe(events.filter((e) => e.type === 'CommitmentMade').length);
      }),
      { numRuns: 150 },
    );
  });

  it('judges a made commitment as its standing at that moment, a raise by the reserve left then, and never clears a judgement', () => {
    fc.assert(
      fc.property(budgetCommands, (commands) => {
        let state = budgetDecider.initialState();
        for (const event of historyOf(budgetDecider, commands)) {
          const previousSlot = event.type === 'CommitmentRevised' ? state.commitments.get(event.data.commitmentId)! : undefined;
          const before = previousSlot?.atDecision;
          const reserveBefore = remainingReserve(state);
          state = budgetDecider.evolve(state, event);
          const judged = event.type === 'CommitmentMade' || (event.type === 'CommitmentRevised' && event.data.atDecision !== undefined);
          if (!judged) continue;
          const slot = state.commitments.get(event.data.commitmentId)!;
          // Relinked or not, history is judged on the requirements it was made with (or a reviser took it outside with).
          const asJudged = {
            ...state,
            commitments: state.commitments.set(slot.commitmentId, { ...slot, requirementIds: slot.judgedRequirementIds }),
          };
          // Who asked is told to the decision, not kept in the stream: only the budget part is compared.
          const standing = standingsOf(asJudged, OPENING_BUDGET, () => ({ withAuthority: true, askerNames: [] })).get(slot.commitmentId)!;
          const { outsideRequirements, outsideBudget, exceedsBudgetByHours } = slot.atDecision;
          const raised = event.type === 'CommitmentRevised' && event.data.estimateHours > previousSlot!.estimateHours;
          if (event.type === 'CommitmentMade') {
            expect({ outsideBudget, exceedsBudgetByHours }).toEqual({
              outsideBudget: standing.outsideBudget,
              exceedsBudgetByHours: standing.exceedsBudgetByHours,
            });
          } else if (before!.outsideBudget) {
            // History never clears: once outside the budget, by no less; a raise never past what the project then exceeds.
            expect(outsideBudget).toBe(true);
            expect(exceedsBudgetByHours).toBeGreaterThanOrEqual(before!.exceedsBudgetByHours);
            if (raised && sameLinks(previousSlot!.requirementIds, slot.requirementIds, slot.judgedRequirementIds))
              expect(exceedsBudgetByHours).toBeLessThanOrEqual(Math.max(before!.exceedsBudgetByHours, -remainingReserve(state) + 0.01));
          } else if (raised && sameLinks(previousSlot!.requirementIds, slot.requirementIds, slot.judgedRequirementIds)) {
            // What the raise adds to the project's draw, beyond the reserve left before it, is outside the budget
            // (in cents: each judgement rounds its own excess, so a cent either way).
            const added = reserveBefore - remainingReserve(state);
            const exceeds = Math.max(0, roundHours(Math.min(added, -remainingReserve(state))));
            expect(Math.abs(exceedsBudgetByHours - exceeds)).toBeLessThanOrEqual(0.011);
            if (exceeds === 0 || exceeds >= 0.02) expect(outsideBudget).toBe(exceeds > 0);
          } else if (!raised) {
            // Taken outside by a reviser without a new estimate: a step outside the budget is theirs, else the budget part
            // stays; a relink that moves hours beyond the reserve left after every other is outside by what it moves there.
            const relinked = event.data.changes.some((c) => c.field === 'requirementIds');
            const trimmed = event.data.estimateHours < previousSlot!.estimateHours;
            const moved = Math.max(0, roundHours(Math.min(reserveBefore - remainingReserve(state), -remainingReserve(state))));
            if (!relinked) expect(outsideBudget).toBe(before!.outsideBudget || standing.outsideBudget);
            else if (trimmed) expect(outsideBudget || !standing.outsideBudget).toBe(true);
            else if (moved === 0 || moved >= 0.02) expect(outsideBudget).toBe(standing.outsideBudget || moved > 0);
          }
          // Outside requirements is what the promise was when made: a revision never clears it.
          if (before === undefined) expect(outsideRequirements).toBe(standing.outsideRequirements);
          else if (before.outsideRequirements) expect(outsideRequirements).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
