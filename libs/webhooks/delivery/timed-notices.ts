import type { ReadModelDb } from '@cf/event-store';
import { contactDaysOf } from '@cf/dashboards';
import { addWorkingHours } from '../domain/working-hours.js';
import { enqueueNotice } from '../outbox/outbox-rows.js';
import type { DeliverySettings } from './delivery-settings.js';

const HOUR = 3_600_000;

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

/**
 * Notices no event raises, only time passing: derived from the read models once their moment has
 * passed, with the moment itself (not the time of evaluation) in them, so evaluating again (after
 * a restart or a rebuild) writes the same rows under the same ids, and nothing twice.
 */
export const timedNotices = (db: ReadModelDb, settings: Pick<DeliverySettings, 'firstResponseHours' | 'workingWeek'>) => {
  const monthsDone = new Set<string>();
  return {
    /** FIRST_RESPONSE_OVERDUE: a request neither answered nor closed within its working hours. */
    firstResponsesOverdue: async (now: Date): Promise<void> => {
      const raisedBy = new Date(now.getTime() - settings.firstResponseHours * HOUR).toISOString();
      const rows = await db.selectFrom('webhook_requests').selectAll().where('settled', '=', 0).where('raised_at', '<=', raisedBy)
        .orderBy('raised_at').limit(200).execute() as RequestRow[];
      for (const row of rows) {
        const due = addWorkingHours(row.raised_at, settings.firstResponseHours, settings.workingWeek);
        if (due > now.toISOString()) continue;
        const settledInTime = [row.first_response_at, row.closed_at].some((at) => at !== null && at <= due);
        if (!settledInTime) {
          await enqueueNotice(db, {
            event: 'FIRST_RESPONSE_OVERDUE', key: 'FIRST_RESPONSE_OVERDUE', projectId: row.project_id,
            subject: { type: 'REQUEST', id: row.request_id, title: row.title, kind: row.kind, channel: row.channel, raisedAt: row.raised_at, firstResponseDueAt: due },
          }, { position: BigInt(row.raised_position), occurredAt: due });
        }
        await db.updateTable('webhook_requests').set({ settled: 1 }).where('request_id', '=', row.request_id).execute();
      }
    },

    /**
     * CONTACT_DAYS_BELOW_TARGET: each developer whose contact days fell short of the project's
     * target in the month just ended, as the dashboard counts them, told to the webhooks active then.
     */
    contactDaysBelowTarget: async (now: Date): Promise<void> => {
      const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
      const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
      const webhooks = await db.selectFrom('webhooks').select(['project_id', 'events']).where('active', '=', 1).execute();
      const projects = new Set(webhooks.filter((w) => (JSON.parse(w.events as string) as string[]).includes('CONTACT_DAYS_BELOW_TARGET')).map((w) => w.project_id as string));
      for (const projectId of projects) {
        if (monthsDone.has(`${projectId}:${month}`)) continue;
        for (const figure of await contactDaysOf(db, projectId, month)) {
          if (figure.shortfall <= 0) continue;
          await enqueueNotice(db, {
            event: 'CONTACT_DAYS_BELOW_TARGET', key: `CONTACT_DAYS_BELOW_TARGET:${month}:${figure.developer.userId}`, projectId,
            subject: { type: 'DEVELOPER_MONTH', userId: figure.developer.userId, name: figure.developer.name, month, days: figure.days, target: figure.target, shortfall: figure.shortfall },
          }, { position: 0n, occurredAt: monthEnd });
        }
        monthsDone.add(`${projectId}:${month}`);
      }
    },
  };
};
