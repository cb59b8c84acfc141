import { type SessionEvent, sessionDaysByMonth } from '@cf/contacts';
import type { ReadModelTransaction, RecordedEvent } from '@cf/event-store';
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

/** Adds (sign 1) or takes back (sign −1) what a session counts: its developers' days in each month, its contacts' attendance. */
const count = async (trx: ReadModelTransaction, session: CountedSession, sign: 1 | -1): Promise<void> => {
  if (session.voided === 1) return;
  for (const userId of JSON.parse(session.developer_ids) as string[]) {
    for (const [month, days] of sessionDaysByMonth(session.date, session.days)) {
      await trx.insertInto('dashboard_contact_days').values({ project_id: session.project_id, user_id: userId, month, days: sign * days })
        .onConflict((oc) => oc.columns(['project_id', 'user_id', 'month'])
          .doUpdateSet((eb) => ({ days: eb('dashboard_contact_days.days', '+', eb.ref('excluded.days')) })))
        .execute();
    }
  }
  await trx.deleteFrom('dashboard_contact_days').where('project_id', '=', session.project_id).where('days', '<=', 0).execute();
  await shiftAttendance(trx, JSON.parse(session.contact_ids) as string[], sign);
};

/**
 * Contact days per developer and month, each day of a session in its own month; a correction
 * takes the session's old contribution back and adds the corrected one, a void only takes it back.
 */
export const applySessionDays = async (trx: ReadModelTransaction, recorded: RecordedEvent): Promise<void> => {
  const event = { type: recorded.type, data: recorded.data } as SessionEvent;
  const d = event.data;
  const before = await trx.selectFrom('dashboard_sessions').selectAll().where('session_id', '=', d.sessionId)
    .executeTakeFirst() as CountedSession | undefined;
  if (event.type === 'ContactSessionCorrected' && !before) return;
  const after: CountedSession = {
    session_id: d.sessionId, project_id: d.projectId, date: d.date ?? before!.date, days: d.days ?? before!.days,
    developer_ids: d.developers ? JSON.stringify(d.developers.map((developer) => developer.userId)) : before!.developer_ids,
    contact_ids: d.contactIds ? JSON.stringify([...new Set(d.contactIds)]) : before!.contact_ids,
    voided: event.type === 'ContactSessionCorrected' && event.data.voided !== undefined ? Number(event.data.voided) : (before?.voided ?? 0),
  };
  if (before) {
    await count(trx, before, -1);
    const { session_id: _id, ...columns } = after;
    await trx.updateTable('dashboard_sessions').set(columns).where('session_id', '=', d.sessionId).execute();
  } else {
    await trx.insertInto('dashboard_sessions').values(after).execute();
  }
  await count(trx, after, 1);
};
