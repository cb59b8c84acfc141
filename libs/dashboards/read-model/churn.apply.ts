import type { PageRows, RecordedEvent } from '@cf/event-store';
import type { ProjectBudgetEvent, ProjectEvent } from '@cf/projects';
import { type RequirementEvent, type RequirementTrigger, triggerChannelOf } from '@cf/requirements';
import { churnCountedUnderSession, churnSessionsForgotten } from './churn-sessions.apply.js';
import { COUNTER, shiftDashboardCounters } from './dashboard-counters.js';

export const CHURN_TRIGGERS = ['DIRECT', 'PROXY', 'WRITTEN', 'INTERNAL'] as const;
export type ChurnTrigger = (typeof CHURN_TRIGGERS)[number];

/** A session is direct contact (and wins over a request named with it); a request counts by its channel; anything else is internal. */
export const churnTriggerOf = (trigger: RequirementTrigger | undefined): ChurnTrigger => triggerChannelOf(trigger) ?? 'INTERNAL';

/**
 * Requirement churn since the latest baseline: a new baseline empties the project's churn
 * counters; every addition, revision or removal dated after the baseline's approval then counts once,
 * under its trigger (the same rows RequirementChanges(sinceBaseline: true) lists), a voided session
 * not counting as one (churn-sessions.apply.ts).
 */
export const projectChurn = async (rows: PageRows, recorded: RecordedEvent): Promise<void> => {
  if (recorded.stream.startsWith('project-') || recorded.stream.startsWith('budget-')) {
    const event = { type: recorded.type, data: recorded.data } as ProjectEvent | ProjectBudgetEvent;
    if (event.type === 'ProjectOpened') {
      rows.put('dashboard_projects', { project_id: event.data.projectId, baseline_at: null });
    } else if (event.type === 'BaselineApproved') {
      const project = await rows.get('dashboard_projects', { project_id: event.data.projectId });
      if (project) rows.put('dashboard_projects', { ...project, baseline_at: event.data.at });
      for (const trigger of CHURN_TRIGGERS)
        rows.delete('dashboard_counters', { project_id: event.data.projectId, counter: COUNTER.churn(trigger) });
      await churnSessionsForgotten(rows, event.data.projectId);
    }
    return;
  }
  const event = { type: recorded.type, data: recorded.data } as RequirementEvent;
  const project = await rows.get('dashboard_projects', { project_id: event.data.projectId });
  const since = (project?.baseline_at as string | null | undefined) ?? null;
  if (since !== null && !(event.data.at > since)) return;
  await shiftDashboardCounters(rows, event.data.projectId, {}, { [COUNTER.churn(churnTriggerOf(event.data.trigger))]: 1 });
  await churnCountedUnderSession(rows, event.data.projectId, event.data.trigger, Number(recorded.position));
};
