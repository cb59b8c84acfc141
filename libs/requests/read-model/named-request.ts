import type { ReadModelDb } from '@cf/event-store';
import { type NamedRow, namedRow } from '@cf/projects';
import { requestErrors } from '../domain/requests.errors.js';
import { type RequestRow, requestsReadModel } from './requests.read-model.js';

/** A request a caller named by its id: a customer sees only those they asked themselves. */
export const namedRequest = async (db: ReadModelDb, id: string): Promise<NamedRow<RequestRow>> =>
  namedRow(await requestsReadModel(db).request(id), requestErrors.notFound(id), (row) => ({
    projectId: row.project_id,
    seenByCustomer: (own) => own !== null && own === row.requested_by_id,
  }));
