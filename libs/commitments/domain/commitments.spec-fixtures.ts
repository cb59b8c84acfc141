/** Shared data of the commitments specs (pure values, no test-runner calls). */
import type { BudgetCommitment, BudgetInputs } from './budget.types.js';
import type { MakeCommitment, RequestFact } from './commitments.commands.js';
import { commitmentsDecider } from './commitments.decide.js';
import type { CommitmentEvent, CommitmentMade } from './commitments.events.js';

export const at = '2025-03-01T10:00:00.000Z';
export const later = '2025-03-08T10:00:00.000Z';
export const projectId = 'p-1';
export const manager = { userId: 'u-mia', name: 'Mia Manager' };
export const developer = { userId: 'u-dan', name: 'Dan Developer' };

export const contract = {
  baselineId: 'b-1',
  name: 'Contract',
  requirements: [
    { requirementId: 'R1', estimateHours: 40 },
    { requirementId: 'R2', estimateHours: 30 },
  ],
};
export const budgetOf = (activeCommitments: BudgetCommitment[] = [], budgetHours = 100): BudgetInputs => ({
  budgetHours,
  baseline: contract,
  activeCommitments,
});

export const dora = { id: 'c-dora', projectId, canApproveScope: true, name: 'Dora Decider' };
export const pat = { id: 'c-pat', projectId, canApproveScope: false, name: 'Pat Proxy' };
export const requestBy = (id: string, requester: { id: string; canApproveScope: boolean; name?: string }): RequestFact => ({
  id,
  projectId,
  requestedBy: requester,
});

/** C1 of the worked example: 40 h on R1, made by a manager to a contact who can approve scope. */
export const makeC1 = (overrides: Partial<MakeCommitment> = {}): MakeCommitment => ({
  type: 'MakeCommitment',
  at,
  actor: manager,
  commitmentId: 'C1',
  projectId,
  summary: 'Export invoices as PDF',
  madeToId: dora.id,
  madeTo: dora,
  requestIds: [],
  requests: [],
  requirementIds: ['R1'],
  requirements: [{ id: 'R1', projectId }],
  estimateHours: 40,
  makerRole: 'MANAGER',
  budget: budgetOf(),
  ...overrides,
});

export const within = {
  outsideRequirements: false,
  outsideBudget: false,
  exceedsBudgetByHours: 0,
  madeWithoutAuthority: false,
  requestedWithoutAuthority: false,
  reasons: [],
  budgetAtDecision: { budgetHours: 100, baselineHours: 70, reserveHours: 30, remainingReserveHours: 30 },
};

/** The events a command produces on an empty stream (to build `given` histories). */
export const madeBy = (command: MakeCommitment): CommitmentMade =>
  commitmentsDecider.decide(command, commitmentsDecider.initialState())[0] as CommitmentMade;

export const decided = (
  type: 'CommitmentApproved' | 'CommitmentRejected' | 'CommitmentWithdrawn' | 'CommitmentDelivered',
  commitmentId = 'C1',
  note = 'ok',
): CommitmentEvent => ({ type, data: { commitmentId, projectId, note, by: manager, at: later } });
