import type { ReadModelDb } from '@cf/event-store';
import { contactDaysOf } from '@cf/dashboards';
import { HOUR } from '../domain/zoned-clock.js';
import { enqueueNotice } from '../outbox/outbox-rows.js';
import { TIMED_CHECKS_TABLE } from '../outbox/outbox.tables.js';
import { firstResponsesOverdue } from './first-responses-overdue.js';
import type { DeliverySettings } from './delivery-settings.js';

const CONTACT_DAYS = 'CONTACT_DAYS_BELOW_TARGET';

type Settings = Pick<DeliverySettings, 'firstResponseHours' | 'workingWeek' | 'contactDaysGraceHours'>;

/**
 * Notices no event raises, only time passing: derived from the read models once their moment has
 * passed, with the moment itself in them, and told only to the webhooks registered by then. Each
 * moment is checked once: its mark and its notices are written in one transaction, in a table a
 * rebuild does not empty, so neither a restart nor a rebuild checks it again.
 *
 * `readThrough` is a moment the read models are known to reflect: every event appended before it
 * has been applied (the dispatcher finds it), so an answer logged in time is never taken for none.
 */
export const timedNotices = (db: ReadModelDb, settings: Settings, figuresOf = contactDaysOf) => {
  const checked = (notice: string) => db.selectFrom(TIMED_CHECKS_TABLE).select('subject').where('notice', '=', notice);
  return {
    firstResponsesOverdue: firstResponsesOverdue(db, settings),

    /**
     * CONTACT_DAYS_BELOW_TARGET: each developer whose contact days fell short of the project's
     * target in the month before, as the dashboard counts them, once `contactDaysGraceHours`
     * have passed since it ended (contact days logged late still count), told to the webhooks
     * registered by then (in its grace period too), dated at the month's end.
     */
    contactDaysBelowTarget: async (readThrough: Date): Promise<void> => {
      const judged = new Date(readThrough.getTime() - settings.contactDaysGraceHours * HOUR);
      const monthEnd = new Date(Date.UTC(judged.getUTCFullYear(), judged.getUTCMonth(), 1)).toISOString();
      const month = new Date(Date.UTC(judged.getUTCFullYear(), judged.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
      // The moment the month is judged: a webhook registered in its grace period hears of it too, as the README says.
      const judgedAt = new Date(Date.parse(monthEnd) + settings.contactDaysGraceHours * HOUR).toISOString();
      const webhooks = await db
        .selectFrom('webhooks')
        .select(['project_id', 'events'])
        .where('active', '=', 1)
        .where('registered_at', '<=', judgedAt)
        .execute();
      const projects = new Set(
        webhooks.filter((w) => (JSON.parse(w.events as string) as string[]).includes(CONTACT_DAYS)).map((w) => w.project_id as string),
      );
      const done = new Set(
        (await checked(CONTACT_DAYS).where('subject', 'like', `%:${month}`).execute()).map((row) => row.subject as string),
      );
      for (const projectId of projects) {
        const subject = `${projectId}:${month}`;
        if (done.has(subject)) continue;
        const short = (await figuresOf(db, projectId, month)).filter((figure) => figure.shortfall > 0);
        await db.transaction().execute(async (trx) => {
          for (const figure of short) {
            await enqueueNotice(
              trx,
              {
                event: CONTACT_DAYS,
                key: `${CONTACT_DAYS}:${month}:${figure.developer.userId}`,
                projectId,
                subject: {
                  type: 'DEVELOPER_MONTH',
                  userId: figure.developer.userId,
                  name: figure.developer.name,
                  month,
                  days: figure.days,
                  target: figure.target,
                  shortfall: figure.shortfall,
                },
              },
              { position: 0n, occurredAt: monthEnd, registeredBy: judgedAt, queuedAt: readThrough.toISOString() },
            );
          }
          await trx
            .insertInto(TIMED_CHECKS_TABLE)
            .values({ notice: CONTACT_DAYS, subject, checked_at: readThrough.toISOString() })
            .execute();
        });
      }
    },
  };
};
