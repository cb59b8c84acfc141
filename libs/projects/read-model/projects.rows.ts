import type { ProjectRole } from '../domain/projects.events.js';

export interface ProjectRow {
  id: string;
  name: string;
  customer_name: string;
  budget_hours: number;
  contact_days_target: number;
  revision: number;
  opened_at: string;
  seq: number;
}

export interface MemberRow {
  project_id: string;
  user_id: string;
  name: string;
  role: ProjectRole;
  contact_id: string | null;
  since: string;
}

/** One stay of a user in a project: from `since` to `until` (their last day), open while a member. */
export interface MemberStayRow {
  seq: number;
  user_id: string;
  name: string;
  role: ProjectRole;
  since: string;
  until: string | null;
}

export interface BaselineRow {
  id: string;
  project_id: string;
  name: string;
  approved_at: string;
  total_hours: number;
  requirements: { requirement_id: string; key: string; revision: number; estimate_hours: number }[];
}

/** The projects projection's tables, as its reads see them. */
export interface ProjectsTables {
  projects: ProjectRow;
  project_members: MemberRow & { seq: number };
  project_member_stays: MemberStayRow & { project_id: string };
  baselines: Omit<BaselineRow, 'requirements'> & { seq: number; approved_by_id: string; countersigned_by_id: string };
  baseline_requirements: BaselineRow['requirements'][number] & { baseline_id: string };
}
