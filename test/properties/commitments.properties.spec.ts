import fc from 'fast-check';
import { foldEvents } from '@cf/core';
import { budgetDecider } from '../../libs/commitments/domain/budget.decide.js';
import type { BudgetEvent } from '../../libs/commitments/domain/budget.state.js';
import { budgetCommands } from './budget-commands.js';
import { assertBatchSplitInvariance, historyOf } from './fold-properties.js';

const atDecisionEachStep = (events: readonly BudgetEvent[]): Map<string, unknown>[] => {
  const steps: Map<string, unknown>[] = [];
  let state = budgetDecider.initialState();
  for (const event of events) {
    state = budgetDecider.evolve(state, event);
    steps.push(new Map([...state.commitments.values()].map((slot) => [slot.commitmentId, slot.atDecision])));
  }
  return steps;
};

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
});
