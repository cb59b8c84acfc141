import { contactsReadModel } from '@cf/contacts';
import type { ReadModelDb } from '@cf/event-store';
import type { AttendedSessionFact } from '../domain/requests.commands.js';

/** When a contact session was and which contacts attended it; null when it does not exist. */
export const attendedSessionFact = async (db: ReadModelDb, sessionId: string): Promise<AttendedSessionFact | null> => {
  const read = contactsReadModel(db);
  const [session, contacts] = await Promise.all([read.session(sessionId), read.sessionContacts(sessionId)]);
  if (!session) return null;
  return {
    id: session.id,
    projectId: session.project_id,
    date: session.date,
    voided: session.voided === 1,
    contactIds: contacts.map((c) => c.id),
  };
};
