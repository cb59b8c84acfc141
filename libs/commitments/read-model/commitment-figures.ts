import { roundHours } from '@cf/core';
import type { ReadModelDb } from '@cf/event-store';
import { COMMITMENT_COUNTER as C } from './commitment-row.js';
import { commitmentsReadModel } from './commitments.read-model.js';

/** The dashboard's commitment figures (docs/dashboards.md), read from the project's counters. */
export const commitmentFiguresOf = async (db: ReadModelDb, projectId: string) => {
  const counters = await commitmentsReadModel(db).counters(projectId);
  const count = (name: string): number => Math.round(counters.get(name) ?? 0);
  const hours = (name: string): number => roundHours(counters.get(name) ?? 0);
  return {
    total: count(C.total),
    accepted: count(C.status('ACCEPTED')),
    pendingApproval: count(C.status('PENDING_APPROVAL')),
    approved: count(C.status('APPROVED')),
    delivered: count(C.status('DELIVERED')),
    rejected: count(C.status('REJECTED')),
    withdrawn: count(C.status('WITHDRAWN')),
    outsideRequirements: count(C.outsideRequirements),
    outsideBudget: count(C.outsideBudget),
    madeWithoutAuthority: count(C.madeWithoutAuthority),
    hoursOutsideBudget: hours(C.hoursOutsideBudget),
    currentlyOutsideBudget: count(C.currentlyOutsideBudget),
    currentHoursOutsideBudget: roundHours((counters.get(C.currentCentsOutsideBudget) ?? 0) / 100),
    currentlyOutsideRequirements: count(C.currentlyOutsideRequirements),
    awaitingAuthority: count(C.awaitingAuthority),
    suspect: count(C.suspect),
  };
};
