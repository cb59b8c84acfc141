import { Map as PersistentMap } from 'immutable';
import type { ProjectBudgetEvent } from '@cf/projects';
import { NO_EXPOSURE, drawOf, shiftExposure } from './budget.js';
import { sumOfDraws } from './exposure-tally.js';
import type { BudgetBaseline, Draw, Exposure } from './budget.types.js';
import { type CommitmentEvent, STATUS_AFTER_DECISION, isActiveCommitmentStatus } from './commitments.events.js';
import { type CommitmentSlot, madeSlot } from './commitment-slot.js';

export type { CommitmentSlot } from './commitment-slot.js';

/**
 * The fold of a project's budget stream: everything a decision on the budget is judged on.
 * Commitments sit in a persistent map, so folding one more event copies a path, not the project.
 */
export interface BudgetState {
  /** Null until a change order: the budget is then still the one the project was opened with. */
  readonly budgetHours: number | null;
  readonly baseline: BudgetBaseline | null;
  readonly baselines: readonly { readonly baselineId: string; readonly name: string }[];
  readonly commitments: PersistentMap<string, CommitmentSlot>;
  /** What the active commitments draw, against the latest baseline. */
  readonly exposure: Exposure;
  /** Change orders and baselines: they count in the project's revision. */
  readonly projectEvents: number;
  /** How many commitments were made: the next one's place in the order. */
  readonly made: number;
}

export const initialBudgetState = (): BudgetState => ({
  budgetHours: null,
  baseline: null,
  baselines: [],
  commitments: PersistentMap(),
  exposure: NO_EXPOSURE,
  projectEvents: 0,
  made: 0,
});

/**
 * What a slot draws against a baseline, worked out once per slot and baseline: slots and baselines
 * are never changed (folding makes new ones), and a revision's judgement sums the draws of every
 * commitment of its project.
 */
const slotDraws = new WeakMap<CommitmentSlot, { baseline: BudgetBaseline | null; draw: Draw }>();

export const drawOfSlot = (slot: CommitmentSlot, baseline: BudgetBaseline | null): Draw => {
  const known = slotDraws.get(slot);
  if (known?.baseline === baseline) return known.draw;
  const draw = drawOf(slot, baseline);
  slotDraws.set(slot, { baseline, draw });
  return draw;
};

/** Replaces a slot, moving its draw out of the exposure and the new one in. */
const replaceSlot = (state: BudgetState, before: CommitmentSlot | undefined, after: CommitmentSlot): BudgetState => {
  let exposure = state.exposure;
  if (before && isActiveCommitmentStatus(before.status)) exposure = shiftExposure(exposure, drawOfSlot(before, state.baseline), -1);
  if (isActiveCommitmentStatus(after.status)) exposure = shiftExposure(exposure, drawOfSlot(after, state.baseline), 1);
  return { ...state, commitments: state.commitments.set(after.commitmentId, after), exposure };
};

const evolveCommitment = (state: BudgetState, event: CommitmentEvent): BudgetState => {
  const slot = state.commitments.get(event.data.commitmentId);
  switch (event.type) {
    case 'CommitmentMade':
      return replaceSlot({ ...state, made: state.made + 1 }, undefined, madeSlot(event.data, state.made));
    case 'CommitmentRevised': {
      if (!slot) return state;
      const d = event.data;
      const relinks = d.changes.some((c) => c.field === 'requirementIds');
      return replaceSlot(state, slot, {
        ...slot,
        status: d.status,
        estimateHours: d.estimateHours,
        dueDate: d.dueDate ?? null,
        requirementIds: d.requirementIds,
        requestIds: d.requestIds,
        atDecision: d.atDecision ?? slot.atDecision,
        promisedBy: d.promisedByReviser ? { role: d.promisedByReviser, inRevision: true } : slot.promisedBy,
        covered: slot.covered && !d.endsCover,
        // A cover an older log kept through a raise stands for the raised hours.
        coveredHours: slot.covered && !d.endsCover ? Math.max(slot.coveredHours ?? 0, d.estimateHours) : null,
        // The hours a manager approved stay with the promise until it is linked to other requirements: a raise
        // past them asks anew, a trim back within them is what was approved (statusAfterRevision).
        approvedHours: relinks ? null : slot.approvedHours,
        revision: d.revision,
      });
    }
    default: {
      if (!slot) return state;
      const status = STATUS_AFTER_DECISION[event.type];
      const approvedHours = status === 'APPROVED' ? slot.estimateHours : slot.approvedHours;
      return replaceSlot(state, slot, { ...slot, status, approvedHours, revision: slot.revision + 1 });
    }
  }
};

/** A new baseline changes what every active commitment draws: the exposure is summed anew (rare). */
const withBaseline = (state: BudgetState, baseline: BudgetBaseline): BudgetState => {
  const active = [...state.commitments.values()].filter((slot) => isActiveCommitmentStatus(slot.status));
  return { ...state, baseline, exposure: sumOfDraws(active.map((slot) => drawOfSlot(slot, baseline))) };
};

export type BudgetEvent = CommitmentEvent | ProjectBudgetEvent;

export const evolveBudget = (state: BudgetState, event: BudgetEvent): BudgetState => {
  switch (event.type) {
    case 'BudgetChanged': {
      const covered = (event.data.coversCommitmentIds ?? []).flatMap((id) => state.commitments.get(id) ?? []);
      const commitments = covered.reduce(
        (all, slot) =>
          all.set(slot.commitmentId, { ...slot, covered: true, coveredHours: Math.max(slot.coveredHours ?? 0, slot.estimateHours) }),
        state.commitments,
      );
      return { ...state, commitments, budgetHours: event.data.toHours, projectEvents: state.projectEvents + 1 };
    }
    case 'BaselineApproved': {
      const { baselineId, name, requirements } = event.data;
      const baseline = {
        baselineId,
        name,
        requirements: requirements.map(({ requirementId, estimateHours }) => ({ requirementId, estimateHours })),
      };
      return {
        ...withBaseline(state, baseline),
        baselines: [...state.baselines, { baselineId, name }],
        projectEvents: state.projectEvents + 1,
      };
    }
    default:
      return evolveCommitment(state, event);
  }
};
