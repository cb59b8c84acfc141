import type { ReadModelDb } from '@cf/event-store';
import { type MemberStayRow, projectsReadModel } from '@cf/projects';
import type { DeveloperContactDays } from '../graphql/dashboard.types.js';
import { dashboardsReadModel } from '../read-model/dashboards.read-model.js';

const stayIncludes = (stay: MemberStayRow, month: string): boolean =>
  stay.since.slice(0, 7) <= month && (stay.until === null || stay.until.slice(0, 7) >= month);

/**
 * A month's contact days: every user who was a DEVELOPER in the month (0 when they logged
 * nothing) and anyone else with days in it, in the order they joined. Days always count in the
 * month they happened; the target, and so a shortfall, only in months the user was a member.
 */
export const contactDaysFigures = (
  month: string,
  target: number,
  stays: readonly MemberStayRow[],
  days: ReadonlyMap<string, number>,
): DeveloperContactDays[] => {
  // By the day they joined; stays read in the order they were added keep that order among equal days.
  const joined = [...stays].sort((a, b) => a.since.localeCompare(b.since));
  const users = [...new Set([...joined.map((stay) => stay.user_id), ...[...days.keys()].sort()])];
  return users.flatMap((userId) => {
    const own = stays.filter((stay) => stay.user_id === userId);
    const during = own.filter((stay) => stayIncludes(stay, month));
    const logged = days.get(userId) ?? 0;
    if (logged <= 0 && !during.some((stay) => stay.role === 'DEVELOPER')) return [];
    const due = during.length > 0 ? target : 0;
    const name = own.at(-1)?.name ?? userId;
    return [{ developer: { userId, name }, days: logged, target: due, shortfall: Math.max(0, due - logged) }];
  });
};

export const contactDaysOf = async (db: ReadModelDb, projectId: string, month: string): Promise<DeveloperContactDays[]> => {
  const read = dashboardsReadModel(db);
  const project = await projectsReadModel(db).project(projectId);
  return contactDaysFigures(
    month,
    project?.contact_days_target ?? 0,
    await projectsReadModel(db).stays(projectId),
    await read.contactDays(projectId, month),
  );
};
