import type { MemberRow, ProjectRow } from '../read-model/projects.rows.js';
import type { Project, Member } from './project.types.js';

export const toProject = (row: ProjectRow): Project => ({
  id: row.id,
  name: row.name,
  customerName: row.customer_name,
  budgetHours: row.budget_hours,
  contactDaysTarget: row.contact_days_target,
  revision: row.revision,
});

export const toMember = (row: MemberRow): Member => ({
  userId: row.user_id,
  name: row.name,
  role: row.role,
  contactId: row.contact_id,
  since: row.since,
});
