import { foldEvents } from '@cf/core';
import { budgetDecider } from './budget.decide.js';
import type { BudgetEvent, CommitmentSlot } from './budget.state.js';
import { standingsOf } from './commitments.standing.js';
import {
  budgetChanged,
  contractApproved,
  decided,
  decidedAfter,
  makeC1,
  madeIn,
  projectId,
  workedExample,
} from './commitments.spec-fixtures.js';

/** Asked with authority unless made to Pat (the worked example's proxy). */
const askedOf = (slot: CommitmentSlot) => ({ withAuthority: slot.madeToId !== 'c-pat', askerNames: ['Pat Proxy'] });
const today = (history: BudgetEvent[]) => standingsOf(foldEvents(budgetDecider, history), 100, askedOf);
const outside = (history: BudgetEvent[]) =>
  Object.fromEntries([...today(history)].map(([id, s]) => [id, s.outsideBudget ? s.exceedsBudgetByHours : 0]));

describe("today's standing of a project's commitments", () => {
  it('judges the worked example as it was made while nothing changed', () => {
    const history = workedExample();
    const standing = today(history);
    for (const id of ['C1', 'C2', 'C3']) {
      const { budgetAtDecision: _, ...made } = madeIn(history, id).data.atDecision;
      expect(standing.get(id)).toEqual(made);
    }
  });

  it('brings C3 inside the budget when the earlier C2 is withdrawn; what it was made as stays', () => {
    const history = [...workedExample(), decided('CommitmentWithdrawn', 'C2')];
    expect(outside(history)).toEqual({ C1: 0, C3: 0 });
    expect(madeIn(history, 'C3').data.atDecision.outsideBudget).toBe(true);
    expect(today(history).get('C3')!.reasons).not.toContain('Draws 16 h on a reserve of 10 h — exceeds the budget by 6 h.');
  });

  it('follows change orders both ways: +200 h brings everything inside, a cut flags in the order made', () => {
    expect(outside([...workedExample(), budgetChanged(100, 300)])).toEqual({ C1: 0, C2: 0, C3: 0 });
    expect(outside([...workedExample(), budgetChanged(100, 80)])).toEqual({ C1: 0, C2: 10, C3: 16 });
  });

  it('lets the commitments a change order covers draw first', () => {
    const covered = [...workedExample(), budgetChanged(100, 100, { coversCommitmentIds: ['C3'], countersignedById: 'c-dora' })];
    expect(outside(covered)).toEqual({ C1: 0, C2: 6, C3: 0 });
  });

  it('judges links against the latest baseline: a promise on R3 is within requirements once R3 is in it', () => {
    const onR3 = decidedAfter(
      [contractApproved],
      makeC1({ requirementIds: ['R3'], requirements: [{ id: 'R3', projectId }], estimateHours: 10 }),
    );
    expect(today(onR3).get('C1')).toMatchObject({ outsideRequirements: true });
    const v2 = {
      ...contractApproved,
      data: {
        ...contractApproved.data,
        baselineId: 'b-2',
        name: 'v2',
        requirements: [...contractApproved.data.requirements, { requirementId: 'R3', key: 'R3', revision: 1, estimateHours: 10 }],
      },
    };
    expect(today([...onR3, v2]).get('C1')).toMatchObject({
      outsideRequirements: false,
      outsideBudget: false,
      madeWithoutAuthority: false,
      reasons: [],
    });
  });

  it('leaves out commitments that no longer draw', () => {
    expect([...today([...workedExample(), decided('CommitmentRejected', 'C3')]).keys()]).toEqual(['C1', 'C2']);
  });
});
