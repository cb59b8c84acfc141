import { DomainError, roundHours } from '@cf/core';
import { commitmentFiguresOf, projectBudgetOf } from '@cf/commitments';
import type { ReadModelDb } from '@cf/event-store';
import { reportingReadModel } from '@cf/reporting';
import { REQUEST_CHANNELS } from '@cf/requests';
import type { Dashboard } from '../graphql/dashboard.types.js';
import { CHURN_TRIGGERS } from '../read-model/churn.apply.js';
import { COUNTER, responseBucketsIn } from '../read-model/dashboard-counters.js';
import { dashboardsReadModel } from '../read-model/dashboards.read-model.js';

/**
 * Every figure of the dashboard but contactDays, each from its summary rows (the formulas are in
 * docs/dashboards.md). `lag` is measured by the caller, from the store and the runner.
 */
export const dashboardFigures = async (db: ReadModelDb, projectId: string, lag: number): Promise<Dashboard> => {
  const read = dashboardsReadModel(db);
  const counters = await read.counters(projectId);
  const count = (name: string): number => Math.round(counters.get(name) ?? 0);
  const responded = count(COUNTER.requestsResponded);
  const median = await read.medianFirstResponseHours(projectId, responseBucketsIn(counters));
  const byTrigger = CHURN_TRIGGERS.map((trigger) => ({ trigger, count: count(COUNTER.churn(trigger)) }));
  const budget = await projectBudgetOf(db, projectId);
  if (!budget) throw DomainError.notFound('Project', projectId); // the caller's membership was checked: only a project not yet applied
  return {
    projectId,
    budget,
    commitments: await commitmentFiguresOf(db, projectId),
    requests: {
      total: count(COUNTER.requestsTotal),
      open: count(COUNTER.requestsOpen),
      declineRate: responded > 0 ? count(COUNTER.requestsDeclined) / responded : null,
      medianHoursToFirstResponse: median === null ? null : roundHours(median),
      byChannel: REQUEST_CHANNELS.map((channel) => ({ channel, count: count(COUNTER.requestChannel(channel)) })),
    },
    churn: { revisionsSinceBaseline: byTrigger.reduce((sum, t) => sum + t.count, 0), byTrigger },
    uncontactedDepartments: await read.uncontactedDepartments(projectId),
    perceptionGapCount: await reportingReadModel(db).gapCountOf(projectId),
    projectionLag: lag,
  };
};
