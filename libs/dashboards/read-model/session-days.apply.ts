import { type SessionEvent, sessionDays } from '@cf/contacts';
import type { PageRows, ReadModelDb, RecordedEvent } from '@cf/event-store';
import { shiftAttendance } from './contact-coverage.apply.js';

/** A session as the dashboards count it; the lists are JSON text. */
interface CountedSession {
  session_id: string;
  project_id: string;
  date: string;
  days: number;
  developer_ids: string;
  contact_ids: string;
  voided: number;
}

/**
 * How much of a calendar day a developer spent with the customer: the parts of the sessions that
 * fall on it, counted at most as one whole day — two sessions logged for one day (or logged
 * twice) are still one day with the customer, and a month never holds more days than it has.
 */
const counted = (parts: number): number => Math.min(1, parts);

/** Moves a developer's parts of one day by `delta`, and their month's days by what that changes in the day's count. */
const shiftDay = async (rows: PageRows, projectId: string, userId: string, date: string, delta: number): Promise<void> => {
  const dayKey = { project_id: projectId, user_id: userId, date };
  const before = (await rows.get<{ parts: number }>('dashboard_contact_day_parts', dayKey))?.parts ?? 0;
  const after = Math.max(0, before + delta);
  if (after <= 0) rows.delete('dashboard_contact_day_parts', dayKey);
  else rows.put('dashboard_contact_day_parts', { ...dayKey, parts: after });
  const change = counted(after) - counted(before);
  if (change === 0) return;
  const monthKey = { project_id: projectId, user_id: userId, month: date.slice(0, 7) };
  await rows.add('dashboard_contact_days', monthKey, 'days', change);
  const left = await rows.get<{ days: number }>('dashboard_contact_days', monthKey);
  if (left && left.days <= 0) rows.delete('dashboard_contact_days', monthKey);
};

/**
 * Adds (sign 1) or takes back (sign −1) what a session counts: its developers' days, each calendar
 * day in its own month, and its contacts' attendance. A month or a day left with nothing leaves its
 * table (replay gives the same rows).
 */
const count = async (rows: PageRows, session: CountedSession, sign: 1 | -1): Promise<void> => {
  if (session.voided === 1) return;
  for (const userId of JSON.parse(session.developer_ids) as string[]) {
    for (const day of sessionDays(session.date, session.days)) await shiftDay(rows, session.project_id, userId, day.date, sign * day.days);
  }
  await shiftAttendance(rows, JSON.parse(session.contact_ids) as string[], sign);
};

export const migrateContactDayTables = async (db: ReadModelDb): Promise<void> => {
  await db.schema
    .createTable('dashboard_contact_days')
    .ifNotExists()
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('days', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('dashboard_contact_days_pk', ['project_id', 'month', 'user_id'])
    .execute();
  await db.schema
    .createTable('dashboard_contact_day_parts')
    .ifNotExists()
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('parts', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('dashboard_contact_day_parts_pk', ['project_id', 'user_id', 'date'])
    .execute();
};

/**
 * Contact days per developer and month, each day of a session in its own month; a correction
 * takes the session's old contribution back and adds the corrected one, a void only takes it back.
 */
export const projectSessionDays = async (rows: PageRows, recorded: RecordedEvent): Promise<void> => {
  const event = { type: recorded.type, data: recorded.data } as SessionEvent;
  const d = event.data;
  // A logged session (its first event, nothing stored yet) names every field; a correction names only what it changes, over what was.
  const was =
    event.type === 'ContactSessionLogged' ? undefined : await rows.get<CountedSession>('dashboard_sessions', { session_id: d.sessionId });
  if (event.type === 'ContactSessionCorrected' && !was) return;
  const after: CountedSession = {
    session_id: d.sessionId,
    project_id: d.projectId,
    date: d.date ?? was?.date ?? '',
    days: d.days ?? was?.days ?? 0,
    developer_ids: d.developers ? JSON.stringify(d.developers.map((developer) => developer.userId)) : (was?.developer_ids ?? '[]'),
    contact_ids: d.contactIds ? JSON.stringify([...new Set(d.contactIds)]) : (was?.contact_ids ?? '[]'),
    voided: event.type === 'ContactSessionCorrected' && event.data.voided !== undefined ? Number(event.data.voided) : (was?.voided ?? 0),
  };
  if (was) await count(rows, was, -1);
  rows.put('dashboard_sessions', after);
  await count(rows, after, 1);
};
