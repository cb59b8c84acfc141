/** Shared data of the budget stream's specs (pure values, no test-runner calls). */
import type { BaselineApproved, BudgetChanged } from '@cf/projects';
import { budgetDecider } from './budget.decide.js';
import type { BudgetEvent } from './budget.state.js';
import type { ChangeBudget, MakeCommitment, ReviseCommitment } from './commitments.commands.js';
import type { ContactFact, RequestFact } from './commitments.facts.js';
import type { CommitmentAtDecision, CommitmentEvent, CommitmentMade } from './commitments.events.js';

export const at = '2025-03-01T10:00:00.000Z';
export const later = '2025-03-08T10:00:00.000Z';
export const projectId = 'p-1';
export const manager = { userId: 'u-mia', name: 'Mia Manager' };
export const developer = { userId: 'u-dan', name: 'Dan Developer' };

/** The worked example's baseline: R1 40 h + R2 30 h; with the opening budget of 100 h, a reserve of 30 h. */
export const contractApproved: BaselineApproved = {
  type: 'BaselineApproved',
  data: {
    projectId,
    baselineId: 'b-1',
    name: 'Contract',
    approvedBy: manager,
    countersignedById: 'c-dora',
    totalHours: 70,
    at,
    requirements: [
      { requirementId: 'R1', key: 'R1', revision: 1, estimateHours: 40 },
      { requirementId: 'R2', key: 'R2', revision: 1, estimateHours: 30 },
    ],
  },
};

export const budgetChanged = (fromHours: number, toHours: number, extra: Partial<BudgetChanged['data']> = {}): BudgetChanged => ({
  type: 'BudgetChanged',
  data: { projectId, fromHours, toHours, reason: 'Change order', at: later, ...extra },
});

export const dora: ContactFact = { id: 'c-dora', projectId, canApproveScope: true, name: 'Dora Decider' };
export const pat: ContactFact = { id: 'c-pat', projectId, canApproveScope: false, name: 'Pat Proxy' };
export const request = (id: string, askedWithAuthority: boolean, requesterName?: string): RequestFact => ({
  id,
  projectId,
  askedWithAuthority,
  ...(requesterName ? { requesterName } : {}),
});

/** C1 of the worked example: 40 h on R1, made by a manager to a contact who can approve scope. */
export const makeC1 = (overrides: Partial<MakeCommitment> = {}): MakeCommitment => ({
  type: 'MakeCommitment',
  at,
  actor: manager,
  commitmentId: 'C1',
  projectId,
  openingBudgetHours: 100,
  summary: 'Export invoices as PDF',
  madeToId: dora.id,
  madeTo: dora,
  requestIds: [],
  requests: [],
  requirementIds: ['R1'],
  requirements: [{ id: 'R1', projectId }],
  estimateHours: 40,
  makerRole: 'MANAGER',
  ...overrides,
});

/** An outside-requirements promise of `hours` by a developer to Pat (C2, C3 … of the example). */
export const makeOutside = (commitmentId: string, estimateHours: number, overrides: Partial<MakeCommitment> = {}): MakeCommitment =>
  makeC1({
    commitmentId,
    estimateHours,
    actor: developer,
    makerRole: 'DEVELOPER',
    madeToId: pat.id,
    madeTo: pat,
    requirementIds: [],
    requirements: [],
    ...overrides,
  });

export const revise = (overrides: Partial<ReviseCommitment> = {}): ReviseCommitment => ({
  type: 'ReviseCommitment',
  at: later,
  actor: manager,
  commitmentId: 'C1',
  openingBudgetHours: 100,
  reason: 'The export needs a template editor',
  madeTo: dora,
  reviserRole: 'MANAGER',
  ...overrides,
});

export const within: CommitmentAtDecision = {
  outsideRequirements: false,
  outsideBudget: false,
  exceedsBudgetByHours: 0,
  madeWithoutAuthority: false,
  requestedWithoutAuthority: false,
  reasons: [],
  budgetAtDecision: { budgetHours: 100, baselineHours: 70, reserveHours: 30, remainingReserveHours: 30 },
};

/** The events a command produces after `history` (to build `given` histories step by step). */
export const decidedAfter = (history: BudgetEvent[], command: Parameters<typeof budgetDecider.decide>[0]): BudgetEvent[] => [
  ...history,
  ...budgetDecider.decide(command, history.reduce(budgetDecider.evolve, budgetDecider.initialState())),
];

/** The worked example up to C1, C2 and C3, as the budget stream holds it. */
export const workedExample = (): BudgetEvent[] => {
  let history: BudgetEvent[] = [contractApproved];
  history = decidedAfter(history, makeC1());
  history = decidedAfter(history, makeOutside('C2', 20, { madeToId: dora.id, madeTo: dora }));
  return decidedAfter(history, makeOutside('C3', 16));
};

export const madeIn = (history: BudgetEvent[], commitmentId: string): CommitmentMade =>
  history.find((e) => e.type === 'CommitmentMade' && e.data.commitmentId === commitmentId) as CommitmentMade;

export const decided = (
  type: 'CommitmentApproved' | 'CommitmentRejected' | 'CommitmentWithdrawn' | 'CommitmentDelivered',
  commitmentId = 'C1',
  note = 'ok',
): CommitmentEvent => ({ type, data: { commitmentId, projectId, note, by: manager, at: later } });

/** A change order of Mia's on the worked example's project, opened with 100 h: to 120 h, covering nothing. */
export const changeOrder = (overrides: Partial<ChangeBudget> = {}): ChangeBudget => ({
  type: 'ChangeBudget',
  at: later,
  actor: manager,
  projectId,
  openingBudgetHours: 100,
  projectStreamEvents: 2,
  budgetHours: 120,
  reason: 'Change order 7',
  coversCommitmentIds: [],
  ...overrides,
});
