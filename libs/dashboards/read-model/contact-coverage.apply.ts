import { type ContactEvent, departmentKey } from '@cf/contacts';
import type { PageRows, RecordedEvent } from '@cf/event-store';

interface CoverageContactRow {
  contact_id: string;
  project_id: string;
  organisation: string | null;
  department: string | null;
  department_key: string | null;
  /** The position of the event that put the contact in their department: the earliest one names it. */
  department_since: number | null;
  /** Not voided sessions the contact attended. */
  sessions: number;
  forgotten: number;
}

const reached = (row: CoverageContactRow): number => (row.sessions > 0 ? 1 : 0);

/**
 * Moves a department's counts. A new department is named as its first contact writes it
 * (nameDepartment names it again when they leave); one with nothing left leaves the table
 * (replay gives the same rows).
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

/**
 * A department shows as written by the contact who has been in it longest of those it has now,
 * as they write it today: one who leaves or is forgotten hands the name to the next.
 */
const nameDepartment = async (rows: PageRows, projectId: string, departmentKey: string | null): Promise<void> => {
  if (departmentKey === null) return;
  const key = { project_id: projectId, department_key: departmentKey };
  const known = await rows.get('dashboard_departments', key);
  if (!known) return;
  const members = await rows.find<CoverageContactRow>('dashboard_contacts', key);
  const longest = members
    .filter((contact) => contact.forgotten === 0)
    .reduce<CoverageContactRow | undefined>(
      (first, contact) => (!first || Number(contact.department_since) < Number(first.department_since) ? contact : first),
      undefined,
    );
  if (longest) rows.put('dashboard_departments', { ...known, organisation: longest.organisation, department: longest.department });
};

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
      department_since: Number(recorded.position),
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
    const key = departmentKey(organisation, department);
    // Written anew in the same department, they keep their place in it.
    const moved = key !== before.department_key;
    const after = {
      ...before,
      organisation,
      department,
      department_key: key,
      department_since: moved ? Number(recorded.position) : before.department_since,
    };
    if (moved) await shiftDepartment(rows, before, -1, -reached(before));
    rows.put('dashboard_contacts', after);
    if (moved) await shiftDepartment(rows, after, 1, reached(after));
    // The department they join keeps its name: its other contacts have been in it longer, or it is theirs, named as they write it.
    return nameDepartment(rows, before.project_id, before.department_key);
  }
  if (event.type === 'ContactForgotten') {
    await shiftDepartment(rows, before, -1, -reached(before));
    const forgotten = { organisation: null, department: null, department_key: null, department_since: null, sessions: 0, forgotten: 1 };
    rows.put('dashboard_contacts', { ...before, ...forgotten });
    await nameDepartment(rows, before.project_id, before.department_key);
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
