import type { Kysely } from 'kysely';
import type { ReadModelDb } from '@cf/event-store';
import type { ContactRole } from '../domain/contacts.events.js';
import type { SessionKind } from '../domain/session.events.js';

export interface ContactRow {
  id: string;
  project_id: string;
  name: string;
  email: string | null;
  organisation: string | null;
  department: string | null;
  role: ContactRole;
  can_approve_scope: number;
  forgotten: number;
  revision: number;
  seq: number;
}

export interface SessionRow {
  id: string;
  project_id: string;
  date: string;
  days: number;
  kind: SessionKind;
  notes: string | null;
  voided: number;
  logged_at: string;
  seq: number;
}

interface ContactsTables {
  contacts: ContactRow;
  contact_sessions: SessionRow;
  session_developers: { session_id: string; user_id: string; name: string };
  session_contacts: { session_id: string; contact_id: string };
}

/** Reads of the contacts projection; every other context asks these, never the tables. */
export const contactsReadModel = (untyped: ReadModelDb) => {
  const db = untyped as Kysely<ContactsTables>;
  return {
    contact: (id: string): Promise<ContactRow | undefined> => db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst(),

    contactsOf: (projectId: string): Promise<ContactRow[]> =>
      db.selectFrom('contacts').selectAll().where('project_id', '=', projectId).orderBy('seq').execute(),

    session: (id: string): Promise<SessionRow | undefined> =>
      db.selectFrom('contact_sessions').selectAll().where('id', '=', id).executeTakeFirst(),

    sessionDevelopers: (sessionId: string): Promise<{ user_id: string; name: string }[]> =>
      db.selectFrom('session_developers').select(['user_id', 'name']).where('session_id', '=', sessionId).orderBy('user_id').execute(),

    sessionContacts: (sessionId: string): Promise<ContactRow[]> =>
      db
        .selectFrom('session_contacts as sc')
        .innerJoin('contacts as c', 'c.id', 'sc.contact_id')
        .selectAll('c')
        .where('sc.session_id', '=', sessionId)
        .orderBy('c.seq')
        .execute(),

    sessionsOf: (projectId: string): Promise<SessionRow[]> =>
      db.selectFrom('contact_sessions').selectAll().where('project_id', '=', projectId).orderBy('seq').execute(),

    /** The sessions that took place (not voided) a developer of the project attended: when and how long. */
    sessionsAttendedBy: (projectId: string, userId: string): Promise<Pick<SessionRow, 'id' | 'date' | 'days'>[]> =>
      db
        .selectFrom('contact_sessions as s')
        .innerJoin('session_developers as d', 'd.session_id', 's.id')
        .select(['s.id', 's.date', 's.days'])
        .where('s.project_id', '=', projectId)
        .where('d.user_id', '=', userId)
        .where('s.voided', '=', 0)
        .execute(),
  };
};
