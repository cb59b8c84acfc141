import type { Projection, PageRows, RecordedEvent } from '@cf/event-store';
import type { ProjectBudgetEvent, ProjectEvent } from '../domain/projects.events.js';
import { endMembershipsOf, memberSince, migrateMemberStays, projectMemberStays } from './member-stays.apply.js';
import { migrateProjectsTables } from './projects.tables.js';

/**
 * Projects, their members and their approved baselines, as the portal reads them. Change orders
 * and baselines come from the project's budget stream; they count in the project's revision.
 */
export const projectsProjection: Projection = {
  name: 'projects',
  version: 4, // 4: a forgotten contact's CUSTOMER membership ends; every stay of a member is kept
  tables: ['projects', 'project_members', 'project_member_stays', 'baselines', 'baseline_requirements'],
  migrate: async (db) => {
    await migrateMemberStays(db);
    await migrateProjectsTables(db);
  },
  keys: {
    projects: ['id'],
    project_members: ['project_id', 'user_id'],
    project_member_stays: ['project_id', 'user_id', 'seq'],
    baselines: ['id'],
    baseline_requirements: ['baseline_id', 'requirement_id'],
  },
  project: async (rows, recorded) => {
    if (recorded.type === 'ContactForgotten') return endMembershipsOf(rows, String(recorded.data.contactId));
    const event = { type: recorded.type, data: recorded.data } as ProjectEvent | ProjectBudgetEvent;
    const own = recorded.stream.startsWith('project-');
    if (!own && !(recorded.stream.startsWith('budget-') && (event.type === 'BudgetChanged' || event.type === 'BaselineApproved'))) return;
    await projectProjectEvent(rows, event, recorded);
    if (own) await projectMemberStays(rows, event as ProjectEvent, recorded);
    const project = await rows.get<{ revision: number }>('projects', { id: event.data.projectId });
    if (project) rows.put('projects', { ...project, revision: project.revision + 1 });
  },
};

const projectProjectEvent = async (rows: PageRows, event: ProjectEvent | ProjectBudgetEvent, recorded: RecordedEvent): Promise<void> => {
  const seq = Number(recorded.position);
  switch (event.type) {
    case 'ProjectOpened': {
      const d = event.data;
      rows.put('projects', {
        id: d.projectId,
        name: d.name,
        customer_name: d.customerName,
        budget_hours: d.budgetHours,
        contact_days_target: d.contactDaysTarget,
        revision: 0,
        opened_at: d.at,
        seq,
      });
      rows.put('project_members', {
        project_id: d.projectId,
        user_id: d.openedBy.userId,
        name: d.openedBy.name,
        role: 'MANAGER',
        contact_id: null,
        since: d.at.slice(0, 10),
        seq,
      });
      return;
    }
    case 'MemberAdded': {
      const d = event.data;
      rows.put('project_members', {
        project_id: d.projectId,
        user_id: d.userId,
        name: d.name,
        role: d.role,
        contact_id: d.contactId ?? null,
        since: memberSince(event, recorded),
        seq,
      });
      return;
    }
    case 'MemberRemoved':
      // A former member reads nothing more; the dashboards keep when they were a member.
      rows.delete('project_members', { project_id: event.data.projectId, user_id: event.data.userId });
      return;
    case 'BudgetChanged': {
      const project = await rows.get('projects', { id: event.data.projectId });
      if (project) rows.put('projects', { ...project, budget_hours: event.data.toHours });
      return;
    }
    case 'BaselineApproved': {
      const d = event.data;
      rows.put('baselines', {
        id: d.baselineId,
        project_id: d.projectId,
        name: d.name,
        approved_at: d.at,
        approved_by_id: d.approvedBy.userId,
        countersigned_by_id: d.countersignedById,
        total_hours: d.totalHours,
        seq,
      });
      for (const r of d.requirements) {
        rows.put('baseline_requirements', {
          baseline_id: d.baselineId,
          requirement_id: r.requirementId,
          key: r.key,
          revision: r.revision,
          estimate_hours: r.estimateHours,
        });
      }
    }
  }
};
