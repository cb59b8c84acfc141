import { type SessionEvent, sessionDaysByMonth } from '@cf/contacts';
import type { PageRows, RecordedEvent } from '@cf/event-store';
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
 * Adds (sign 1) or takes back (sign −1) what a session counts: its developers' days in each month,
 * its contacts' attendance. A month left with no days leaves the table (replay gives the same rows).
 */
const count = async (rows: PageRows, session: CountedSession, sign: 1 | -1): Promise<void> => {
  if (session.voided === 1) return;
  for (const userId of JSON.parse(session.developer_ids) as string[]) {
    for (const [month, days] of sessionDaysByMonth(session.date, session.days)) {
      const key = { project_id: session.project_id, user_id: userId, month };
      await rows.add('dashboard_contact_days', key, 'days', sign * days);
      const left = await rows.get<{ days: number }>('dashboard_contact_days', key);
      if (left && left.days <= 0) rows.delete('dashboard_contact_days', key);
    }
  }
  await shiftAttendance(rows, JSON.parse(session.contact_ids) as string[], sign);
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
