import type { ContactEvent, SessionEvent } from '@cf/contacts';
import type { ReadModelTransaction, RecordedEvent } from '@cf/event-store';

interface CoverageContactRow {
  contact_id: string;
  project_id: string;
  department: string | null;
  attended: number;
}

/** Moves a department's counts; a department with nothing left leaves the table (replay gives the same rows). */
const shiftDepartment = async (trx: ReadModelTransaction, projectId: string, department: string, contacts: number, attended: number): Promise<void> => {
  await trx.insertInto('dashboard_departments').values({ project_id: projectId, department, contacts, attended })
    .onConflict((oc) => oc.columns(['project_id', 'department']).doUpdateSet((eb) => ({
      contacts: eb('dashboard_departments.contacts', '+', eb.ref('excluded.contacts')),
      attended: eb('dashboard_departments.attended', '+', eb.ref('excluded.attended')),
    })))
    .execute();
  await trx.deleteFrom('dashboard_departments').where('project_id', '=', projectId).where('department', '=', department)
    .where('contacts', '<=', 0).where('attended', '<=', 0).execute();
};

/**
 * Contact days per developer and month, and per department how many remembered contacts it has
 * and how many of them attended a session. A forgotten person's department leaves with the rest
 * of their data (a replay after crypto-shredding could not read it), attendance included.
 */
export const applyContactCoverage = async (trx: ReadModelTransaction, recorded: RecordedEvent): Promise<void> => {
  const event = { type: recorded.type, data: recorded.data } as ContactEvent | SessionEvent;
  switch (event.type) {
    case 'ContactRegistered': {
      const d = event.data;
      const department = d.department?.trim() || null;
      await trx.insertInto('dashboard_contacts').values({ contact_id: d.contactId, project_id: d.projectId, department, attended: 0 }).execute();
      if (department) await shiftDepartment(trx, d.projectId, department, 1, 0);
      return;
    }
    case 'ContactForgotten': {
      const row = await contactRow(trx, event.data.contactId);
      if (!row) return;
      await trx.updateTable('dashboard_contacts').set({ department: null, attended: 0 }).where('contact_id', '=', row.contact_id).execute();
      if (row.department) await shiftDepartment(trx, row.project_id, row.department, -1, -row.attended);
      return;
    }
    case 'ContactSessionLogged': {
      const d = event.data;
      const month = d.date.slice(0, 7);
      for (const developer of d.developers) {
        await trx.insertInto('dashboard_contact_days').values({ project_id: d.projectId, user_id: developer.userId, month, days: d.days })
          .onConflict((oc) => oc.columns(['project_id', 'user_id', 'month'])
            .doUpdateSet((eb) => ({ days: eb('dashboard_contact_days.days', '+', eb.ref('excluded.days')) })))
          .execute();
      }
      for (const contactId of new Set(d.contactIds)) {
        const row = await contactRow(trx, contactId);
        if (!row || row.attended === 1 || !row.department) continue;
        await trx.updateTable('dashboard_contacts').set({ attended: 1 }).where('contact_id', '=', contactId).execute();
        await shiftDepartment(trx, row.project_id, row.department, 0, 1);
      }
    }
  }
};

const contactRow = async (trx: ReadModelTransaction, contactId: string): Promise<CoverageContactRow | undefined> =>
  await trx.selectFrom('dashboard_contacts').selectAll().where('contact_id', '=', contactId).executeTakeFirst() as CoverageContactRow | undefined;
