import type { NewEvent, ReadModelDb } from '@cf/event-store';
import { type OutboxUnderTest, outboxUnderTest } from '../outbox/outbox.spec-fixtures.js';
import { AWAITING_CHECK_TABLE, allOutboxRows } from '../outbox/outbox.tables.js';
import { DELIVERY_STATE_TABLE } from '../outbox/delivery-state.tables.js';
import { readThrough } from './read-through.js';
import { timedNotices } from './timed-notices.js';
import { loadDeliverySettings } from './delivery-settings.js';

const P = 'p-1';
const ann = { userId: 'u-ann', name: 'Ann' };
const monday = '2026-03-02T10:00:00.000Z';
const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  type,
  data,
  metadata: { actor: ann, occurredAt: data.at as string, correlationId: 'c' },
});
const registered = (webhookId: string, events: string[], at = monday) =>
  event('WebhookRegistered', {
    webhookId,
    projectId: P,
    url: 'https://hooks.example.com/',
    events,
    secret: 's',
    registeredBy: ann,
    at,
  });
const raised = (requestId: string, at: string) =>
  event('RequestRaised', {
    requestId,
    projectId: P,
    title: `About ${requestId}`,
    description: '',
    kind: 'QUESTION',
    channel: 'WRITTEN',
    requestedById: 'c-1',
    requirementIds: [],
    at,
  });
const responded = (requestId: string, at: string) =>
  event('RequestResponded', { requestId, projectId: P, stance: 'CLARIFY', message: 'm', respondedBy: ann, at });
const settings = {
  firstResponseHours: 8,
  workingWeek: { days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, timeZone: 'UTC', holidays: new Set<string>() },
  contactDaysGraceHours: 24,
};

describe('notices of time passing: FIRST_RESPONSE_OVERDUE', () => {
  let outboxes: OutboxUnderTest;
  let db: ReadModelDb;
  const append = (stream: string, ...events: NewEvent[]) => outboxes.append(stream, ...events);
  const outbox = async () =>
    (
      await db
        .selectFrom(allOutboxRows(db).as('o'))
        .select(['delivery_id', 'webhook_id', 'event', 'position', 'body'])
        .orderBy('delivery_id')
        .execute()
    ).map((row) => ({ ...row, body: JSON.parse(row.body as string) }));

  beforeEach(async () => {
    outboxes = await outboxUnderTest();
    db = outboxes.db;
    await append('webhook-w1', registered('w1', ['FIRST_RESPONSE_OVERDUE']));
  });
  afterEach(() => outboxes.close());

  it('tells of a request unanswered at its working-hours deadline, dated at the deadline, once', async () => {
    await append('request-r1', raised('r1', monday));
    await append('request-r2', raised('r2', monday), responded('r2', '2026-03-02T15:00:00.000Z'));
    await append('request-r3', raised('r3', monday), responded('r3', '2026-03-03T12:00:00.000Z'));
    const notices = timedNotices(db, settings);
    await notices.firstResponsesOverdue(new Date('2026-03-03T09:59:00.000Z'));
    expect(await outbox()).toEqual([]);
    await notices.firstResponsesOverdue(new Date('2026-03-04T09:00:00.000Z'));
    await notices.firstResponsesOverdue(new Date('2026-03-05T09:00:00.000Z'));
    const rows = await outbox();
    expect(rows.map((r) => r.body.subject.id).sort()).toEqual(['r1', 'r3']);
    expect(rows.map((r) => r.body.occurredAt)).toEqual(['2026-03-03T10:00:00.000Z', '2026-03-03T10:00:00.000Z']);
    expect(rows.every((r) => r.event === 'FIRST_RESPONSE_OVERDUE')).toBe(true);
  });

  it('counts the working hours on the clocks of WEBHOOK_TIME_ZONE: raised after closing time there, due from the next morning there', async () => {
    // Monday 16:30 UTC is 17:30 in Berlin: closed there; 4 working hours from Tuesday 9:00 there are 13:00 there, 12:00 UTC.
    await append('request-r1', raised('r1', '2026-03-02T16:30:00.000Z'));
    const berlin = loadDeliverySettings({ WEBHOOK_TIME_ZONE: 'Europe/Berlin', WEBHOOK_FIRST_RESPONSE_HOURS: '4' });
    await timedNotices(db, berlin).firstResponsesOverdue(new Date('2026-03-03T11:59:00.000Z'));
    expect(await outbox()).toEqual([]);
    await timedNotices(db, berlin).firstResponsesOverdue(new Date('2026-03-03T12:00:00.000Z'));
    expect((await outbox()).map((r) => r.body.occurredAt)).toEqual(['2026-03-03T12:00:00.000Z']);
  });

  it('names the request by its title as last revised', async () => {
    await append(
      'request-r1',
      raised('r1', monday),
      event('RequestRevised', {
        requestId: 'r1',
        projectId: P,
        revision: 2,
        changes: [{ field: 'title', from: 'About r1', to: 'Export format' }],
        reason: 'clearer',
        at: monday,
      }),
    );
    await timedNotices(db, settings).firstResponsesOverdue(new Date('2026-03-04T09:00:00.000Z'));
    expect((await outbox()).map((r) => r.body.subject.title)).toEqual(['Export format']);
  });

  it('tells nothing more after a rebuild: not the webhooks registered after the deadline, not what was checked before', async () => {
    await append('request-r1', raised('r1', monday));
    const later = new Date('2026-03-04T09:00:00.000Z');
    await timedNotices(db, settings).firstResponsesOverdue(later);
    const before = await outbox();
    expect(before.map((r) => r.webhook_id)).toEqual(['w1']);
    await db.updateTable(DELIVERY_STATE_TABLE).set({ status: 'DELIVERED', attempts: 1 }).execute();
    await append('webhook-w2', registered('w2', ['FIRST_RESPONSE_OVERDUE'], '2026-03-04T08:00:00.000Z'));
    await outboxes.rebuild();
    await timedNotices(db, settings).firstResponsesOverdue(new Date('2026-03-05T09:00:00.000Z'));
    expect(await outbox()).toEqual(before);
    expect(await db.selectFrom(DELIVERY_STATE_TABLE).select(['status', 'attempts']).execute()).toEqual([
      { status: 'DELIVERED', attempts: 1 },
    ]);
  });

  it("reads only the requests still awaiting their check: a checked one leaves, one not yet due stays, a rebuild's return leaves untold", async () => {
    const awaiting = async () =>
      (await db.selectFrom(AWAITING_CHECK_TABLE).select('request_id').orderBy('request_id').execute()).map((row) => row.request_id);
    await append('request-r1', raised('r1', monday));
    await append('request-r2', raised('r2', '2026-03-04T10:00:00.000Z'));
    expect(await awaiting()).toEqual(['r1', 'r2']);
    await timedNotices(db, settings).firstResponsesOverdue(new Date('2026-03-04T12:00:00.000Z'));
    expect(await awaiting()).toEqual(['r2']);
    await outboxes.rebuild();
    expect(await awaiting()).toEqual(['r1', 'r2']);
    await timedNotices(db, settings).firstResponsesOverdue(new Date('2026-03-04T12:00:00.000Z'));
    expect(await awaiting()).toEqual(['r2']);
    expect((await outbox()).map((row) => row.body.subject.id)).toEqual(['r1']);
  });

  it('tells a webhook registered after a deadline nothing of it', async () => {
    await append('request-r1', raised('r1', monday));
    await append('webhook-w2', registered('w2', ['FIRST_RESPONSE_OVERDUE'], '2026-03-03T11:00:00.000Z'));
    await timedNotices(db, settings).firstResponsesOverdue(new Date('2026-03-04T09:00:00.000Z'));
    expect((await outbox()).map((r) => r.webhook_id)).toEqual(['w1']);
  });

  it('takes no answer logged before the deadline for none while the read models have yet to apply it', async () => {
    await append('request-r1', raised('r1', monday));
    await outboxes.store.append('request-r1', [responded('r1', '2026-03-03T09:30:00.000Z')], { expectedLastIndex: 'any' });
    const through = readThrough(
      () => outboxes.store.headPosition(),
      () => outboxes.runner.slowestPosition(),
    );
    const notices = timedNotices(db, settings);
    const pass = async (now: string) => {
      const moment = await through(new Date(now));
      if (moment) await notices.firstResponsesOverdue(moment);
    };
    await pass('2026-03-04T09:00:00.000Z');
    await outboxes.runner.catchUp();
    await pass('2026-03-04T09:00:01.000Z');
    expect(await outbox()).toEqual([]);
  });
});
