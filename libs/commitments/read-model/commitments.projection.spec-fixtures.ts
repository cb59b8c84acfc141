/** Events and reads shared by the commitments projection's specs (pure values and reads, no test-runner calls). */
import type { ReadModelDb } from '@cf/event-store';
import { commitmentFiguresOf } from './commitment-figures.js';
import { NO_STANDING } from './commitment-row.js';
import { commitmentsReadModel } from './commitments.read-model.js';

export const maria = { userId: 'maria', name: 'Maria' };
const withinEverything = {
  ...NO_STANDING,
  budgetAtDecision: { budgetHours: 100, baselineHours: 0, reserveHours: 100, remainingReserveHours: 100 },
};

/** c1, linked to requirement q1 (and to the requests given). */
export const made = (requestIds: string[] = []) => ({
  stream: 'budget-p1',
  type: 'CommitmentMade',
  data: {
    commitmentId: 'c1',
    projectId: 'p1',
    summary: 'Login in 2 s',
    madeBy: maria,
    makerRole: 'MANAGER',
    madeToId: 'k1',
    madeToCouldApproveScope: true,
    requestIds,
    requirementIds: ['q1'],
    estimateHours: 8,
    status: 'ACCEPTED',
    atDecision: withinEverything,
    at: '2026-03-02T09:00:00.000Z',
  },
});

/** c1 revised to link `requirementIds` (and no request). */
export const commitmentRevised = (requirementIds: string[]) => ({
  stream: 'budget-p1',
  type: 'CommitmentRevised',
  data: {
    commitmentId: 'c1',
    projectId: 'p1',
    revision: 2,
    estimateHours: 8,
    requirementIds,
    requestIds: [],
    status: 'ACCEPTED',
    changes: [{ field: 'requirementIds', from: ['q1'], to: requirementIds }],
    by: maria,
    at: '2026-03-04T09:00:00.000Z',
  },
});

export const commitmentWithdrawn = {
  stream: 'budget-p1',
  type: 'CommitmentWithdrawn',
  data: { commitmentId: 'c1', projectId: 'p1', note: 'Replanned', by: maria, at: '2026-03-05T09:00:00.000Z' },
};

export const requirementRevised = (reason: string) => ({
  stream: 'requirement-q1',
  type: 'RequirementRevised',
  data: { requirementId: 'q1', projectId: 'p1', reason, at: '2026-03-03T09:00:00.000Z' },
});

export const requestWithdrawn = (requestId: string, reason: string) => ({
  stream: `request-${requestId}`,
  type: 'RequestWithdrawn',
  data: { requestId, projectId: 'p1', reason, at: '2026-03-03T09:00:00.000Z' },
});

/** What the read model answers about c1's suspect links: the links in order, and the dashboard's figure. */
export const suspectOfC1 = async (db: ReadModelDb) => ({
  suspectLinks: await commitmentsReadModel(db).suspectLinksOf('c1'),
  suspect: (await commitmentFiguresOf(db, 'p1')).suspect,
});
