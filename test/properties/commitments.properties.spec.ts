import fc from 'fast-check';
import { foldEvents, roundHours } from '@cf/core';
import { budgetDecider } from '../../libs/commitments/domain/budget.decide.js';
import type { BudgetEvent } from '../../libs/commitments/domain/budget.state.js';
import { NO_EXPOSURE, remainingOf, shownRemaining } from '../../libs/commitments/domain/budget.js';
import type { BudgetState } from '../../libs/commitments/domain/budget.state.js';
import { exposureOfActive, standingsOf } from '../../libs/commitments/domain/commitments.standing.js';
import { OPENING_BUDGET, budgetCommands } from './budget-commands.js';
import { assertBatchSplitInvariance, historyOf } from './fold-properties.js';

/** The project's remaining reserve with every active commitment drawn: what a raise finds left. */
const remainingReserve = (state: BudgetState): number =>
  remainingOf(state.budgetHours ?? OPENING_BUDGET, state.baseline, exposureOfActive(state));

/** The same as the budget view shows it: in cents, the budget less the exposure as shown. */
const shownReserve = (state: BudgetState): number => shownRemaining(state.budgetHours ?? OPENING_BUDGET, remainingReserve(state));

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

  it('judges a made commitment as its standing at that moment, a revision by what it adds beyond the reserve, and never clears a judgement', () => {
    fc.assert(
      fc.property(budgetCommands, (commands) => {
        let state = budgetDecider.initialState();
        for (const event of historyOf(budgetDecider, commands)) {
          const previousSlot = event.type === 'CommitmentRevised' ? state.commitments.get(event.data.commitmentId)! : undefined;
          const before = previousSlot?.atDecision;
          const reserveBefore = shownReserve(state);
          state = budgetDecider.evolve(state, event);
          if (event.type === 'CommitmentMade') {
            const slot = state.commitments.get(event.data.commitmentId)!;
            // Who asked is told to the decision, not kept in the stream: only the budget part is compared.
            const standing = standingsOf(state, OPENING_BUDGET, () => ({ withAuthority: true, askerNames: [] })).get(slot.commitmentId)!;
            const { outsideRequirements, outsideBudget, exceedsBudgetByHours } = slot.atDecision;
            expect({ outsideRequirements, outsideBudget, exceedsBudgetByHours }).toEqual({
              outsideRequirements: standing.outsideRequirements,
              outsideBudget: standing.outsideBudget,
              exceedsBudgetByHours: standing.exceedsBudgetByHours,
            });
            continue;
          }
          if (event.type !== 'CommitmentRevised' || !event.data.changes.some((c) => c.field !== 'dueDate')) continue;
          const { outsideRequirements, outsideBudget, exceedsBudgetByHours } = state.commitments.get(event.data.commitmentId)!.atDecision;
          // What the revision adds to the project's draw, beyond the reserve left before it, is outside the budget
          // whatever moved it — a raise, a relink or both — in cents: each judgement rounds its own excess.
          const reserveAfter = shownReserve(state);
          const beyond = Math.max(0, roundHours(Math.min(reserveBefore - reserveAfter, -reserveAfter)));
          if (before!.outsideBudget) {
            // History never clears: once outside the budget, by no less, and never past what the project then exceeds.
            expect(outsideBudget).toBe(true);
            expect(exceedsBudgetByHours).toBeGreaterThanOrEqual(before!.exceedsBudgetByHours);
            expect(exceedsBudgetByHours).toBeLessThanOrEqual(Math.max(before!.exceedsBudgetByHours, -reserveAfter + 0.01));
          } else if (beyond >= 0.02) {
            expect(outsideBudget).toBe(true);
            expect(Math.abs(exceedsBudgetByHours - beyond)).toBeLessThanOrEqual(0.011);
          } else if (beyond === 0) {
            // Nothing beyond the reserve: no step outside, whoever revised it and wherever it stands in its place.
            expect(outsideBudget).toBe(false);
          }
          // Outside requirements is what the promise was when made: a revision never clears it.
          if (before!.outsideRequirements) expect(outsideRequirements).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("adds today's excesses of the active commitments up to what they overdraw the budget by as the view shows it, to the cent", () => {
    fc.assert(
      fc.property(budgetCommands, (commands) => {
        let state = budgetDecider.initialState();
        for (const event of historyOf(budgetDecider, commands)) {
          state = budgetDecider.evolve(state, event);
          const standings = standingsOf(state, OPENING_BUDGET, () => ({ withAuthority: true, askerNames: [] }));
          const cents = [...standings.values()].reduce((sum, standing) => sum + Math.round(standing.exceedsBudgetByHours * 100), 0);
          // A baseline above the budget overdraws it before any promise: that part is no commitment's.
          const budget = state.budgetHours ?? OPENING_BUDGET;
          const overdrawn = (remaining: number): number => Math.max(0, -shownRemaining(budget, remaining));
          const byBaseline = overdrawn(remainingOf(budget, state.baseline, NO_EXPOSURE));
          expect(cents / 100).toBe(roundHours(overdrawn(remainingReserve(state)) - byBaseline));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('says a judgement in figures that add up as shown: the excess is the draw less the reserve left, to the cent', () => {
    const made = /^Draws ([\d.]+) h on a reserve of ([\d.]+) h — exceeds the budget by ([\d.]+) h\./;
    const step =
      /draws ([\d.]+) h more on a reserve of ([\d.]+) h — (?:([\d.]+) h of them beyond the budget|exceeds the budget by ([\d.]+) h)/;
    const told = { made: 0, step: 0 };
    fc.assert(
      fc.property(budgetCommands, (commands) => {
        for (const event of historyOf(budgetDecider, commands)) {
          for (const reason of event.type === 'CommitmentMade' || event.type === 'CommitmentRevised'
            ? (event.data.atDecision?.reasons ?? [])
            : []) {
            const [kind, said] = made.test(reason) ? (['made', made.exec(reason)!] as const) : (['step', step.exec(reason)] as const);
            if (!said) continue;
            const [, draw, reserve, part, whole] = said.map(Number);
            expect(kind === 'step' && Number.isNaN(part) ? whole : part).toBe(roundHours(draw - reserve));
            told[kind] += 1;
          }
        }
      }),
      { numRuns: 400 },
    );
    // Each sentence was met and checked, so the property can fail.
    expect(told.made).toBeGreaterThan(0);
    expect(told.step).toBeGreaterThan(0);
  });
});
