import { type ContactEvent, departmentKey } from '@cf/contacts';
import type { PageRows, RecordedEvent } from '@cf/event-store';

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
const shiftDepartment = async (rows: PageRows, row: CoverageContactRow, contacts: number, attended: number): Promise<void> => {
  if (row.department_key === null || row.forgotten === 1) return;
  const { project_id, department_key, organisation, department } = row;
  const key = { project_id, department_key };
  const known = await rows.get<{ contacts: number; attended: number }>('dashboard_departments', key);
  const after = known
    ? { ...known, contacts: known.contacts + contacts, attended: known.attended + attended }
    : { ...key, organisation, department, contacts, attended };
  if (after.contacts <= 0 && after.attended <= 0) rows.delete('dashboard_departments', key);
  else rows.put('dashboard_departments', after);
};

const contactRow = (rows: PageRows, contactId: string): Promise<CoverageContactRow | undefined> =>
  rows.get<CoverageContactRow>('dashboard_contacts', { contact_id: contactId });

/** Each contact's organisation and department, moved with revisions; a forgotten person's leave with the rest of their data. */
export const projectContactCoverage = async (rows: PageRows, recorded: RecordedEvent): Promise<void> => {
  const event = { type: recorded.type, data: recorded.data } as ContactEvent;
  const d = event.data;
  if (event.type === 'ContactRegistered') {
    const organisation = event.data.organisation?.trim() || null;
    const department = event.data.department?.trim() || null;
    const row = {
      contact_id: d.contactId,
      project_id: d.projectId,
      organisation,
      department,
      department_key: departmentKey(organisation, department),
      sessions: 0,
      forgotten: 0,
    };
    rows.put('dashboard_contacts', row);
    return shiftDepartment(rows, row, 1, 0);
  }
  const before = await contactRow(rows, d.contactId);
  if (!before) return;
  if (event.type === 'ContactRevised') {
    const { organisation = before.organisation, department = before.department } = event.data;
    if (organisation === before.organisation && department === before.department) return;
    const after = { ...before, organisation, department, department_key: departmentKey(organisation, department) };
    await shiftDepartment(rows, before, -1, -reached(before));
    rows.put('dashboard_contacts', after);
    return shiftDepartment(rows, after, 1, reached(after));
  }
  if (event.type === 'ContactForgotten') {
    await shiftDepartment(rows, before, -1, -reached(before));
    rows.put('dashboard_contacts', { ...before, organisation: null, department: null, department_key: null, sessions: 0, forgotten: 1 });
  }
};

/** A session's contacts attended it (sign 1) or no longer count as having done so (sign −1). */
export const shiftAttendance = async (rows: PageRows, contactIds: readonly string[], sign: 1 | -1): Promise<void> => {
  for (const contactId of contactIds) {
    const before = await contactRow(rows, contactId);
    if (!before || before.forgotten === 1) continue;
    const after = { ...before, sessions: before.sessions + sign };
    rows.put('dashboard_contacts', after);
    if (reached(after) !== reached(before)) await shiftDepartment(rows, after, 0, reached(after) - reached(before));
  }
};
