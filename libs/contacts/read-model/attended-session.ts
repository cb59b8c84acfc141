import type { ReadModelDb } from '@cf/event-store';
import { contactsReadModel } from './contacts.read-model.js';

/** A contact session as the contexts that name one judge it: when it was, whether it took place, who of the customer attended. */
export interface AttendedSession {
  readonly id: string;
  readonly projectId: string;
  readonly date: string;
  /** A voided session did not happen. */
  readonly voided: boolean;
  readonly contactIds: string[];
}

/** A contact session with the contacts who attended it; null when it does not exist. */
export const attendedSession = async (db: ReadModelDb, sessionId: string): Promise<AttendedSession | null> => {
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
