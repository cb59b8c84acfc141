import { FORGOTTEN, withoutUndefined } from '@cf/core';
import type { Projection, PageRows, RecordedEvent } from '@cf/event-store';
import type { ContactEvent } from '../domain/contacts.events.js';
import { CONTACTS_KEYS, CONTACTS_TABLES, migrateContactsTables } from './contacts.tables.js';
import type { SessionDeveloper, SessionEvent } from '../domain/session.events.js';

/** Contacts and contact sessions, as the portal and the other contexts read them. */
export const contactsProjection: Projection = {
  name: 'contacts',
  version: 3, // 3: a forgotten contact's given e-mail, organisation and department read [forgotten]
  tables: CONTACTS_TABLES,
  migrate: migrateContactsTables,
  keys: CONTACTS_KEYS,
  project: async (rows, recorded) => {
    if (recorded.stream.startsWith('contact-')) {
      await projectContactEvent(rows, { type: recorded.type, data: recorded.data } as ContactEvent, recorded);
    } else if (recorded.stream.startsWith('session-')) {
      await projectSessionEvent(rows, { type: recorded.type, data: recorded.data } as SessionEvent, recorded);
    }
  },
};

const projectContactEvent = async (rows: PageRows, event: ContactEvent, recorded: RecordedEvent): Promise<void> => {
  const revision = recorded.indexInStream + 1;
  if (event.type === 'ContactRegistered') {
    const d = event.data;
    rows.put('contacts', {
      id: d.contactId,
      project_id: d.projectId,
      name: d.name,
      email: d.email ?? null,
      organisation: d.organisation ?? null,
      department: d.department ?? null,
      role: d.role,
      can_approve_scope: d.canApproveScope ? 1 : 0,
      forgotten: 0,
      revision,
      seq: Number(recorded.position),
    });
    return;
  }
  const contact = await rows.get('contacts', { id: event.data.contactId });
  if (!contact) return;
  switch (event.type) {
    case 'ContactRevised': {
      const { role, canApproveScope, department, organisation } = event.data;
      rows.put('contacts', {
        ...contact,
        revision,
        ...(role === undefined ? {} : { role }),
        ...(canApproveScope === undefined ? {} : { can_approve_scope: canApproveScope ? 1 : 0 }),
        ...(department === undefined ? {} : { department }),
        ...(organisation === undefined ? {} : { organisation }),
      });
      return;
    }
    case 'ContactForgotten': {
      // The person's data leaves the read model; the row stays so references still resolve. What
      // was given reads [forgotten] (as in the audit log), what never was stays null.
      const gone = (value: unknown) => (value == null ? null : FORGOTTEN);
      const { email, organisation, department } = contact;
      rows.put('contacts', {
        ...contact,
        forgotten: 1,
        name: FORGOTTEN,
        email: gone(email),
        organisation: gone(organisation),
        department: gone(department),
        revision,
      });
    }
  }
};

const projectSessionEvent = async (rows: PageRows, event: SessionEvent, recorded: RecordedEvent): Promise<void> => {
  const d = event.data;
  if (event.type === 'ContactSessionLogged') {
    rows.put('contact_sessions', {
      id: d.sessionId,
      project_id: d.projectId,
      date: event.data.date,
      days: event.data.days,
      kind: event.data.kind,
      notes: event.data.notes ?? null,
      voided: 0,
      logged_at: d.at,
      seq: Number(recorded.position),
    });
    await attendance(rows, d.sessionId, event.data, { justLogged: true });
    return;
  }
  const { date, days, kind, voided } = event.data;
  const set = withoutUndefined({ date, days, kind, voided: voided === undefined ? undefined : voided ? 1 : 0 });
  const session = Object.keys(set).length > 0 ? await rows.get('contact_sessions', { id: d.sessionId }) : undefined;
  if (session) rows.put('contact_sessions', { ...session, ...set });
  await attendance(rows, d.sessionId, event.data, { justLogged: false });
};

/**
 * Who was there: the lists given replace the session's (a correction gives only those it changes).
 * A session just logged has nobody recorded yet, so nothing is looked up to be replaced.
 */
const attendance = async (
  rows: PageRows,
  sessionId: string,
  { developers, contactIds }: { developers?: readonly SessionDeveloper[]; contactIds?: readonly string[] },
  { justLogged }: { justLogged: boolean },
): Promise<void> => {
  if (developers) {
    if (!justLogged)
      for (const stale of await rows.find('session_developers', { session_id: sessionId })) rows.delete('session_developers', stale);
    for (const developer of developers)
      rows.put('session_developers', { session_id: sessionId, user_id: developer.userId, name: developer.name });
  }
  if (contactIds) {
    if (!justLogged)
      for (const stale of await rows.find('session_contacts', { session_id: sessionId })) rows.delete('session_contacts', stale);
    for (const contactId of contactIds) rows.put('session_contacts', { session_id: sessionId, contact_id: contactId });
  }
};
