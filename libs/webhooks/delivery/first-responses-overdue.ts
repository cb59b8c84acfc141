import type { ReadModelDb } from '@cf/event-store';
import { addWorkingHours } from '../domain/working-hours.js';
import { HOUR } from '../domain/zoned-clock.js';
import { enqueueNotice } from '../outbox/outbox-rows.js';
import { AWAITING_CHECK_TABLE, TIMED_CHECKS_TABLE } from '../outbox/outbox.tables.js';
import type { DeliverySettings } from './delivery-settings.js';

const FIRST_RESPONSE = 'FIRST_RESPONSE_OVERDUE';
const BATCH = 200;

interface RequestRow {
  request_id: string;
  project_id: string;
  title: string;
  kind: string;
  channel: string;
  raised_position: number | string;
  raised_at: string;
  first_response_at: string | null;
  closed_at: string | null;
}

type Settings = Pick<DeliverySettings, 'firstResponseHours' | 'workingWeek'>;

const oldestAwaiting = async (db: ReadModelDb, raisedBy: string): Promise<RequestRow[]> =>
  (await db
    .selectFrom(`${AWAITING_CHECK_TABLE} as w`)
    .innerJoin('webhook_requests as r', 'r.request_id', 'w.request_id')
    .selectAll('r')
    .where('w.raised_at', '<=', raisedBy)
    .orderBy('w.raised_at')
    .limit(BATCH)
    .execute()) as RequestRow[];

/** Requests a rebuild put back among those awaiting, though checked before: taken out, untold. */
const takeOutChecked = async (db: ReadModelDb, rows: RequestRow[]): Promise<Set<string>> => {
  if (rows.length === 0) return new Set();
  const ids = rows.map((row) => row.request_id);
  const found = await db
    .selectFrom(TIMED_CHECKS_TABLE)
    .select('subject')
    .where('notice', '=', FIRST_RESPONSE)
    .where('subject', 'in', ids)
    .execute();
  const checked = new Set(found.map((row) => row.subject as string));
  if (checked.size > 0)
    await db
      .deleteFrom(AWAITING_CHECK_TABLE)
      .where('request_id', 'in', [...checked])
      .execute();
  return checked;
};

/** A request awaiting its check, with the working-hours deadline it was due by. */
interface DueRequest {
  row: RequestRow;
  due: string;
}

const pastTheirDeadline = (settings: Settings, rows: RequestRow[], readThrough: Date): DueRequest[] =>
  rows
    .map((row) => ({ row, due: addWorkingHours(row.raised_at, settings.firstResponseHours, settings.workingWeek) }))
    .filter(({ due }) => due <= readThrough.toISOString());

const settledInTime = ({ row, due }: DueRequest): boolean => [row.first_response_at, row.closed_at].some((at) => at !== null && at <= due);

/**
 * Checks the requests whose deadline has passed: a notice for each that went unanswered, their
 * marks, and they leave those awaiting — a batch in one transaction, so a backlog (a new instance,
 * a rebuild's first pass) costs a commit per batch, not one per request.
 */
const checkAll = async (db: ReadModelDb, settings: Settings, rows: RequestRow[], readThrough: Date): Promise<void> => {
  const overdue = pastTheirDeadline(settings, rows, readThrough);
  if (overdue.length === 0) return;
  const checkedAt = readThrough.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const request of overdue.filter((candidate) => !settledInTime(candidate))) {
      const { row } = request;
      const subject = {
        type: 'REQUEST',
        id: row.request_id,
        title: row.title,
        kind: row.kind,
        channel: row.channel,
        raisedAt: row.raised_at,
        firstResponseDueAt: request.due,
      };
      await enqueueNotice(
        trx,
        { event: FIRST_RESPONSE, key: FIRST_RESPONSE, projectId: row.project_id, subject },
        { position: BigInt(row.raised_position), occurredAt: request.due, registeredBy: request.due, queuedAt: checkedAt },
      );
    }
    const ids = overdue.map(({ row }) => row.request_id);
    await trx
      .insertInto(TIMED_CHECKS_TABLE)
      .values(ids.map((subject) => ({ notice: FIRST_RESPONSE, subject, checked_at: checkedAt })))
      .execute();
    await trx.deleteFrom(AWAITING_CHECK_TABLE).where('request_id', 'in', ids).execute();
  });
};

/**
 * FIRST_RESPONSE_OVERDUE: a request neither answered nor closed within its working hours. A pass
 * reads the oldest requests still awaiting their check, a batch at a time: batches a rebuild put
 * back whole are passed over at once; the first with requests to check ends the pass after them.
 */
export const firstResponsesOverdue =
  (db: ReadModelDb, settings: Settings) =>
  async (readThrough: Date): Promise<void> => {
    const raisedBy = new Date(readThrough.getTime() - settings.firstResponseHours * HOUR).toISOString();
    for (;;) {
      const rows = await oldestAwaiting(db, raisedBy);
      const checked = await takeOutChecked(db, rows);
      const unchecked = rows.filter((row) => !checked.has(row.request_id));
      if (rows.length === 0 || unchecked.length > 0) {
        await checkAll(db, settings, unchecked, readThrough);
        return;
      }
    }
  };
