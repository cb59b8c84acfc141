import type { Kysely } from 'kysely';
import type { ReadModelDb } from '@cf/event-store';
import type { BaselineRow, MemberRow, MemberStayRow, ProjectRow, ProjectsTables } from './projects.rows.js';

/** Reads of the projects projection; every other context asks these, never the tables. */
export const projectsReadModel = (untyped: ReadModelDb) => {
  const db = untyped as Kysely<ProjectsTables>;
  return {
    project: (id: string): Promise<ProjectRow | undefined> => db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst(),

    members: (projectId: string): Promise<MemberRow[]> =>
      db.selectFrom('project_members').selectAll().where('project_id', '=', projectId).orderBy('seq').execute(),

    /** Every project a user is a member of, with their role there (the customer view asks once per request). */
    membershipsOf: async (userId: string): Promise<Map<string, { role: string; contactId: string | null }>> =>
      new Map(
        (await db.selectFrom('project_members').select(['project_id', 'role', 'contact_id']).where('user_id', '=', userId).execute()).map(
          (m) => [m.project_id, { role: m.role, contactId: m.contact_id }],
        ),
      ),

    /** A project and the user's membership of it in one read: every request's access check asks it. */
    projectWithMember: async (projectId: string, userId: string): Promise<{ project: ProjectRow; member?: MemberRow } | undefined> => {
      const row = await db
        .selectFrom('projects as p')
        .leftJoin('project_members as m', (join) => join.onRef('m.project_id', '=', 'p.id').on('m.user_id', '=', userId))
        .selectAll('p')
        .select(['m.user_id as member_user_id', 'm.name as member_name', 'm.role as member_role', 'm.contact_id as member_contact_id'])
        .select('m.since as member_since')
        .where('p.id', '=', projectId)
        .executeTakeFirst();
      if (!row) return undefined;
      const { member_user_id, member_name, member_role, member_contact_id, member_since, ...project } = row;
      if (member_user_id === null || member_name === null || member_role === null || member_since === null) return { project };
      const member = {
        project_id: projectId,
        user_id: member_user_id,
        name: member_name,
        role: member_role,
        contact_id: member_contact_id,
        since: member_since,
      };
      return { project, member };
    },

    member: (projectId: string, userId: string): Promise<MemberRow | undefined> =>
      db.selectFrom('project_members').selectAll().where('project_id', '=', projectId).where('user_id', '=', userId).executeTakeFirst(),

    /** Every stay of every member of the project, in the order they were added. */
    stays: (projectId: string): Promise<MemberStayRow[]> =>
      db
        .selectFrom('project_member_stays')
        .select(['seq', 'user_id', 'name', 'role', 'since', 'until'])
        .where('project_id', '=', projectId)
        .orderBy('seq')
        .execute(),

    projectsOf: async (userId: string, afterSeq: number, limit: number): Promise<ProjectRow[]> =>
      db
        .selectFrom('projects')
        .innerJoin('project_members as m', 'm.project_id', 'projects.id')
        .selectAll('projects')
        .where('m.user_id', '=', userId)
        .where('projects.seq', '>', afterSeq)
        .orderBy('projects.seq')
        .limit(limit)
        .execute(),

    countProjectsOf: async (userId: string): Promise<number> => {
      const row = await db
        .selectFrom('project_members')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    baseline: async (id: string): Promise<BaselineRow | undefined> => {
      const baseline = await db.selectFrom('baselines').selectAll().where('id', '=', id).executeTakeFirst();
      return baseline && withRequirements(db, baseline);
    },

    /** The latest baseline, or the latest approved at or before `asOf` (ISO-8601, as every time here). */
    latestBaseline: async (projectId: string, asOf?: string): Promise<BaselineRow | null> => {
      let latest = db.selectFrom('baselines').selectAll().where('project_id', '=', projectId);
      if (asOf !== undefined) latest = latest.where('approved_at', '<=', asOf);
      const baseline = await latest.orderBy('seq', 'desc').limit(1).executeTakeFirst();
      return baseline ? withRequirements(db, baseline) : null;
    },
  };
};

const withRequirements = async (db: Kysely<ProjectsTables>, baseline: Omit<BaselineRow, 'requirements'>): Promise<BaselineRow> => ({
  ...baseline,
  requirements: await db
    .selectFrom('baseline_requirements')
    .select(['requirement_id', 'key', 'revision', 'estimate_hours'])
    .where('baseline_id', '=', baseline.id)
    .orderBy('key')
    .execute(),
});
