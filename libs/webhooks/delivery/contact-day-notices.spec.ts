import type { NewEvent, ReadModelDb } from '@cf/event-store';
import { type OutboxUnderTest, commitmentMadeData, outboxUnderTest } from '../outbox/outbox.spec-fixtures.js';
import { allOutboxRows } from '../outbox/outbox.tables.js';
import { webhooksReadModel } from '../outbox/webhooks.read-model.js';
import { timedNotices } from './timed-notices.js';

const P = 'p-1';
const ann = { userId: 'u-ann', name: 'Ann' };
const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  type,
  data,
  metadata: { actor: ann, occurredAt: data.at as string, correlationId: 'c' },
});
const registered = (webhookId: string, at: string) =>
  event('WebhookRegistered', {
    webhookId,
    projectId: P,
    url: 'https://hooks.example.com/',
    events: ['CONTACT_DAYS_BELOW_TARGET'],
    secret: 's',
    registeredBy: ann,
    at,
  });
const settings = {
  firstResponseHours: 8,
  workingWeek: { days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, timeZone: 'UTC', holidays: new Set<string>() },
  contactDaysGraceHours: 24,
};
const eve = { developer: { userId: 'eve', name: 'Eve' }, days: 1, target: 3, shortfall: 2 };
const dan = { developer: { userId: 'dan', name: 'Dan' }, days: 4, target: 3, shortfall: 0 };

describe('notices of time passing: CONTACT_DAYS_BELOW_TARGET', () => {
  let outboxes: OutboxUnderTest;
  let db: ReadModelDb;
  const months: string[] = [];
  const figures = async (_db: ReadModelDb, _projectId: string, month: string) => {
    months.push(month);
    return [eve, dan] as never;
  };
  const outbox = async () =>
    (await db.selectFrom(allOutboxRows(db).as('o')).select(['webhook_id', 'body']).orderBy('delivery_id').execute()).map((row) => ({
      webhookId: row.webhook_id,
      body: JSON.parse(row.body as string),
    }));

  beforeEach(async () => {
    outboxes = await outboxUnderTest();
    db = outboxes.db;
    months.length = 0;
    await outboxes.append('webhook-w1', registered('w1', '2026-02-10T09:00:00.000Z'));
  });
  afterEach(() => outboxes.close());

  it('tells of each developer short of the target once the month is over and its grace period has passed', async () => {
    await timedNotices(db, settings, figures).contactDaysBelowTarget(new Date('2026-03-01T23:00:00.000Z'));
    expect(await outbox()).toEqual([]);
    await timedNotices(db, settings, figures).contactDaysBelowTarget(new Date('2026-03-02T00:00:00.000Z'));
    const [notice, ...more] = await outbox();
    expect(more).toEqual([]);
    expect(notice.body).toMatchObject({
      event: 'CONTACT_DAYS_BELOW_TARGET',
      occurredAt: '2026-03-01T00:00:00.000Z',
      subject: { type: 'DEVELOPER_MONTH', userId: 'eve', name: 'Eve', month: '2026-02', days: 1, target: 3, shortfall: 2 },
    });
  });

  it('checks a month once, across restarts and rebuilds', async () => {
    await timedNotices(db, settings, figures).contactDaysBelowTarget(new Date('2026-03-02T00:00:00.000Z'));
    await outboxes.rebuild();
    await timedNotices(db, settings, figures).contactDaysBelowTarget(new Date('2026-03-05T00:00:00.000Z'));
    expect(months).toEqual(['2026-02']);
    expect((await outbox()).map((row) => row.body.subject.userId)).toEqual(['eve']);
  });

  it('lists the notice among the latest deliveries, though it carries no position of the log', async () => {
    await outboxes.append(
      'webhook-w3',
      event('WebhookRegistered', {
        ...registered('w3', '2026-02-10T09:00:00.000Z').data,
        events: ['CONTACT_DAYS_BELOW_TARGET', 'COMMITMENT_AWAITING_APPROVAL'],
      }),
    );
    await outboxes.append(
      `budget-${P}`,
      event('CommitmentMade', commitmentMadeData({ commitmentId: 'k1', at: '2026-03-01T20:00:00.000Z' })),
    );
    await timedNotices(db, settings, figures).contactDaysBelowTarget(new Date('2026-03-02T00:00:00.000Z'));
    const listed = await webhooksReadModel(db).deliveriesOf('w3', 1);
    expect(listed.map((d) => d.event)).toEqual(['CONTACT_DAYS_BELOW_TARGET']);
  });

  it('tells of a month the webhooks registered by the time it is judged, in its grace period too, and no later one', async () => {
    await outboxes.append('webhook-w2', registered('w2', '2026-03-01T12:00:00.000Z'));
    await outboxes.append('webhook-w4', registered('w4', '2026-03-02T00:00:00.001Z'));
    await timedNotices(db, settings, figures).contactDaysBelowTarget(new Date('2026-03-02T00:00:01.000Z'));
    expect((await outbox()).map((row) => row.webhookId).sort()).toEqual(['w1', 'w2']);
  });
});
