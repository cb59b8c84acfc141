import type { ReadModelDb } from '@cf/event-store';
import { type NamedRow, namedRow } from '@cf/projects';
import { contactErrors } from '../domain/contacts.errors.js';
import { type ContactRow, type SessionRow, contactsReadModel } from './contacts.read-model.js';

/** A contact a caller named by its id: a customer sees only the contact they are. */
export const namedContact = async (db: ReadModelDb, id: string): Promise<NamedRow<ContactRow>> =>
  namedRow(await contactsReadModel(db).contact(id), contactErrors.contactNotFound(id), (row) => ({
    projectId: row.project_id,
    seenByCustomer: (own) => own === id,
  }));

/** A session a caller named by its id. It names several contacts, and a customer never sees the others: they see none. */
export const namedSession = async (db: ReadModelDb, id: string): Promise<NamedRow<SessionRow>> =>
  namedRow(await contactsReadModel(db).session(id), contactErrors.sessionNotFound(id), (row) => ({ projectId: row.project_id }));
