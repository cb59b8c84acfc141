import type { ContactRow, SessionRow } from '../read-model/contacts.read-model.js';
import type { Contact, ContactSession } from './contact.types.js';

export const toContact = (row: ContactRow): Contact => ({
  id: row.id,
  projectId: row.project_id,
  name: row.name,
  email: row.email,
  organisation: row.organisation,
  department: row.department,
  role: row.role,
  canApproveScope: row.can_approve_scope === 1,
  forgotten: row.forgotten === 1,
  revision: row.revision,
});

export const toSession = (row: SessionRow): ContactSession => ({
  id: row.id,
  projectId: row.project_id,
  date: row.date,
  days: row.days,
  kind: row.kind,
  notes: row.notes,
  voided: row.voided === 1,
});
