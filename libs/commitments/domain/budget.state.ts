import { Map as PersistentMap } from 'immutable';
import type { ProjectBudgetEvent } from '@cf/projects';
import { NO_EXPOSURE, drawOf, shiftExposure } from './budget.js';
import type { BudgetBaseline, Exposure } from './budget.types.js';
import {
  type Actor,
  type CommitmentAtDecision,
  type CommitmentEvent,
  type CommitmentStatus,
  type ProjectMemberRole,
  isActiveCommitmentStatus,
} from './commitments.events.js';

/** One commitment as the budget stream has it. */
export interface CommitmentSlot {
  readonly commitmentId: string;
  readonly projectId: string;
  readonly status: CommitmentStatus;
  readonly estimateHours: number;
  readonly requirementIds: readonly string[];
  readonly requestIds: readonly string[];
  readonly dueDate: string | null;
  readonly madeBy: Actor;
  readonly makerRole: ProjectMemberRole;
  readonly madeToId: string;
  readonly madeToCouldApproveScope: boolean;
  readonly atDecision: CommitmentAtDecision;
  /** Its events so far (CommitmentMade is 1): the revision the portal sends back. */
  readonly revision: number;
  /** Its place in the order commitments were made (a revision keeps it). */
  readonly order: number;
  /** A change order pays for it: it draws on the budget before the others. */
  readonly covered: boolean;
}

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

const drawOfSlot = (slot: CommitmentSlot, baseline: BudgetBaseline | null) =>
  drawOf({ estimateHours: slot.estimateHours, requirementIds: [...slot.requirementIds] }, baseline);

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
    case 'CommitmentMade': {
      const d = event.data;
      return replaceSlot({ ...state, made: state.made + 1 }, undefined, {
        commitmentId: d.commitmentId,
        projectId: d.projectId,
        status: d.status,
        estimateHours: d.estimateHours,
        requirementIds: d.requirementIds,
        requestIds: d.requestIds,
        dueDate: d.dueDate ?? null,
        madeBy: d.madeBy,
        makerRole: d.makerRole,
        madeToId: d.madeToId,
        madeToCouldApproveScope: d.madeToCouldApproveScope,
        atDecision: d.atDecision,
        revision: 1,
        order: state.made,
        covered: false,
      });
    }
    case 'CommitmentRevised': {
      if (!slot) return state;
      const d = event.data;
      return replaceSlot(state, slot, {
        ...slot,
        status: d.status,
        estimateHours: d.estimateHours,
        dueDate: d.dueDate ?? null,
        requirementIds: d.requirementIds,
        requestIds: d.requestIds,
        atDecision: d.atDecision ?? slot.atDecision,
        revision: d.revision,
      });
    }
    default: {
      if (!slot) return state;
      const status = (
        {
          CommitmentApproved: 'APPROVED',
          CommitmentRejected: 'REJECTED',
          CommitmentWithdrawn: 'WITHDRAWN',
          CommitmentDelivered: 'DELIVERED',
        } as const
      )[event.type];
      return replaceSlot(state, slot, { ...slot, status, revision: slot.revision + 1 });
    }
  }
};

/** A new baseline changes what every active commitment draws: the exposure is summed anew (rare). */
const withBaseline = (state: BudgetState, baseline: BudgetBaseline): BudgetState => {
  let exposure = NO_EXPOSURE;
  for (const slot of state.commitments.values()) {
    if (isActiveCommitmentStatus(slot.status)) exposure = shiftExposure(exposure, drawOfSlot(slot, baseline), 1);
  }
  return { ...state, baseline, exposure };
};

export type BudgetEvent = CommitmentEvent | ProjectBudgetEvent;

export const evolveBudget = (state: BudgetState, event: BudgetEvent): BudgetState => {
  switch (event.type) {
    case 'BudgetChanged': {
      const covered = (event.data.coversCommitmentIds ?? []).flatMap((id) => state.commitments.get(id) ?? []);
      const commitments = covered.reduce((all, slot) => all.set(slot.commitmentId, { ...slot, covered: true }), state.commitments);
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
