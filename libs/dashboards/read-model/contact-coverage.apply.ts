import { type ContactEvent, departmentKey } from '@cf/contacts';
import type { ReadModelTransaction, RecordedEvent } from '@cf/event-store';

interface CoverageContactRow {
  contact_id: string;
  project_id: string;
  organisation: string | null;
  department: string | null;
  department_key: string | null;
  /** Not voided sessions the contact attended. */
  sessions: number;
  forgotten: number;
}

const reached = (row: CoverageContactRow): number => (row.sessions > 0 ? 1 : 0);

/**
 * Moves a department's counts. A new department keeps its names as first written; one with
 * nothing left leaves the table (replay gives the same rows).
 */
const shiftDepartment = async (trx: ReadModelTransaction, row: CoverageContactRow, contacts: number, attended: number): Promise<void> => {
  if (row.department_key === null || row.forgotten === 1) return;
  const { project_id, department_key, organisation, department } = row;
  await trx.insertInto('dashboard_departments').values({ project_id, department_key, organisation, department, contacts, attended })
    .onConflict((oc) => oc.columns(['project_id', 'department_key']).doUpdateSet((eb) => ({
      contacts: eb('dashboard_departments.contacts', '+', eb.ref('excluded.contacts')),
      attended: eb('dashboard_departments.attended', '+', eb.ref('excluded.attended')),
    })))
    .execute();
  await trx.deleteFrom('dashboard_departments').where('project_id', '=', project_id).where('department_key', '=', department_key)
    .where('contacts', '<=', 0).where('attended', '<=', 0).execute();
};

const contactRow = async (trx: ReadModelTransaction, contactId: string): Promise<CoverageContactRow | undefined> =>
  await trx.selectFrom('dashboard_contacts').selectAll().where('contact_id', '=', contactId).executeTakeFirst() as CoverageContactRow | undefined;

const saveRow = async (trx: ReadModelTransaction, row: CoverageContactRow): Promise<void> => {
  const { contact_id, ...columns } = row;
  await trx.updateTable('dashboard_contacts').set(columns).where('contact_id', '=', contact_id).execute();
};

/** Each contact's organisation and department, moved with revisions; a forgotten person's leave with the rest of their data. */
export const applyContactCoverage = async (trx: ReadModelTransaction, recorded: RecordedEvent): Promise<void> => {
  const event = { type: recorded.type, data: recorded.data } as ContactEvent;
  const d = event.data;
  if (event.type === 'ContactRegistered') {
    const organisation = event.data.organisation?.trim() || null;
    const department = event.data.department?.trim() || null;
    const row = { contact_id: d.contactId, project_id: d.projectId, organisation, department, department_key: departmentKey(organisation, department), sessions: 0, forgotten: 0 };
    await trx.insertInto('dashboard_contacts').values(row).execute();
    return shiftDepartment(trx, row, 1, 0);
  }
  const before = await contactRow(trx, d.contactId);
  if (!before) return;
  if (event.type === 'ContactRevised') {
    const { organisation = before.organisation, department = before.department } = event.data;
    if (organisation === before.organisation && department === before.department) return;
    const after = { ...before, organisation, department, department_key: departmentKey(organisation, department) };
    await shiftDepartment(trx, before, -1, -reached(before));
    await saveRow(trx, after);
    return shiftDepartment(trx, after, 1, reached(after));
  }
  if (event.type === 'ContactForgotten') {
    await shiftDepartment(trx, before, -1, -reached(before));
    await saveRow(trx, { ...before, organisation: null, department: null, department_key: null, sessions: 0, forgotten: 1 });
  }
};

/** A session's contacts attended it (sign 1) or no longer count as having done so (sign −1). */
export const shiftAttendance = async (trx: ReadModelTransaction, contactIds: readonly string[], sign: 1 | -1): Promise<void> => {
  for (const contactId of contactIds) {
    const before = await contactRow(trx, contactId);
    if (!before || before.forgotten === 1) continue;
    const after = { ...before, sessions: before.sessions + sign };
    await saveRow(trx, after);
    if (reached(after) !== reached(before)) await shiftDepartment(trx, after, 0, reached(after) - reached(before));
  }
};
