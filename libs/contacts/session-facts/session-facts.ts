import { staysOnRecord } from '@cf/projects';
import { MEETS_CUSTOMERS, type SessionContactFacts, type SessionDeveloperFacts } from '../domain/session.checks.js';
import type { FactsOnRecord } from '@cf/ledger';
import { contactOnRecord } from '../on-record/contact-on-record.js';
import { sessionDays } from '../domain/session.days.js';

/**
 * The decider judges membership and role; it needs one fact (or null) per user id, in order: the
 * user as they were on every day of the session (`staysThroughout`), from the project's stream, held unmoved till
 * the append (a member removed or added on another instance a moment ago counts as the log says). A session may be logged after its developer
 * left, and name a day before they joined (developers meet the customer before they are added
 * here: pre-sales, a project opened in the service after work began; the day was spent with this
 * customer); never a day after they left and before they came back.
 */
export const sessionDeveloperFacts = (
  onRecord: FactsOnRecord,
  projectId: string,
  userIds: readonly string[],
  session: { date: string; days: number },
): Promise<SessionDeveloperFacts[]> => {
  const days = sessionDays(session.date, session.days).map((day) => day.date);
  return Promise.all(
    userIds.map(async (userId) => {
      const stays = await staysOnRecord(onRecord, projectId, userId, days);
      if (!stays) return null;
      // The decider judges one role: a day in a role that meets no customer (an auditor's after a change of role) is the one it sees.
      const stay = stays.find((each) => !MEETS_CUSTOMERS.includes(each.role)) ?? stays[0];
      return { userId, name: stay.name, role: stay.role };
    }),
  );
};

/** One fact (or null) per contact id, in order, from their streams (a forgotten one is refused). */
export const sessionContactFacts = (onRecord: FactsOnRecord, contactIds: readonly string[]): Promise<SessionContactFacts[]> =>
  Promise.all(
    contactIds.map(async (id) => {
      const contact = await contactOnRecord(onRecord, id);
      return contact ? { id: contact.contactId, projectId: contact.projectId, name: contact.name, forgotten: contact.forgotten } : null;
    }),
  );
