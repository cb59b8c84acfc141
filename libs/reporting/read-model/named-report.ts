import type { ReadModelDb } from '@cf/event-store';
import { type NamedRow, namedRow } from '@cf/projects';
import { reportingErrors } from '../domain/reporting.errors.js';
import { type StatusReportRow, reportingReadModel } from './reporting.read-model.js';

/** A status report a caller named by its id: a customer sees only those told to the contact they are. */
export const namedReport = async (db: ReadModelDb, id: string): Promise<NamedRow<StatusReportRow>> =>
  namedRow(await reportingReadModel(db).report(id), reportingErrors.reportNotFound(id), (row) => ({
    projectId: row.project_id,
    seenByCustomer: (own) => own === row.told_to_id,
  }));
