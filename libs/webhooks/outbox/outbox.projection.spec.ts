import type { NewEvent, ReadModelDb } from '@cf/event-store';
import { DELIVERY_STATE_TABLE } from './delivery-state.tables.js';
import { deliveryIdOf } from './outbox.projection.js';
import { type OutboxUnderTest, P, ann, at, commitmentMadeData, event, outboxUnderTest, registered } from './outbox.spec-fixtures.js';

const judgement = (outsideBudget: boolean) => ({
  outsideRequirements: true,
  outsideBudget,
  exceedsBudgetByHours: outsideBudget ? 6 : 0,
  madeWithoutAuthority: true,
  requestedWithoutAuthority: false,
  reasons: ['names enc:v1:c-1:xyz'],
  budgetAtDecision: {},
});
const made = (commitmentId: string, status: string, outsideBudget: boolean) =>
  event(
    'CommitmentMade',
    commitmentMadeData({
      commitmentId,
      summary: `Export ${commitmentId}`,
      estimateHours: 16,
      status,
      atDecision: judgement(outsideBudget),
      at,
    }),
  );
const decision = (type: string, commitmentId: string) => event(type, { commitmentId, projectId: P, note: 'no', by: ann, at });
const reported = (subjectId: string, toldToId: string, toldStatus: string) =>
  event('StatusReported', {
    reportId: `r-${subjectId}-${toldToId}`,
    subjectId,
    subjectType: 'REQUIREMENT',
    projectId: P,
    title: 'Login',
    toldStatus,
    toldToId,
    message: 'm',
    reportedBy: ann,
    at,
  });
const assessed = (subjectId: string, actualStatus: string) =>
  event('StatusAssessed', {
    subjectId,
    subjectType: 'REQUIREMENT',
    projectId: P,
    title: 'Login',
    actualStatus,
    note: 'n',
    assessedBy: ann,
    at,
  });

describe('the webhook outbox projection', () => {
  let outboxes: OutboxUnderTest;
  let db: ReadModelDb;
  const append = (stream: string, ...events: NewEvent[]) => outboxes.append(stream, ...events);
  const outbox = () =>
    db
      .selectFrom('webhook_outbox')
      .select(['delivery_id', 'webhook_id', 'event', 'position', 'body'])
      .orderBy('position')
      .orderBy('delivery_id')
      .execute();

  beforeEach(async () => {
    outboxes = await outboxUnderTest();
    db = outboxes.db;
  });
  afterEach(() => outboxes.close());

  it('queues a delivery per notice and subscribed active webhook, with a stable id and the commitment as subject', async () => {
    await append('webhook-w1', registered('w1', ['COMMITMENT_AWAITING_APPROVAL', 'COMMITMENT_OUTSIDE_BUDGET']));
    await append('webhook-w2', registered('w2', ['COMMITMENT_REJECTED']));
    await append(`budget-${P}`, made('k1', 'PENDING_APPROVAL', true), made('k2', 'ACCEPTED', false), decision('CommitmentRejected', 'k1'));
    const rows = await outbox();
    expect(rows.map((r) => [r.webhook_id, r.event, r.position]).sort()).toEqual([
      ['w1', 'COMMITMENT_AWAITING_APPROVAL', 3],
      ['w1', 'COMMITMENT_OUTSIDE_BUDGET', 3],
      ['w2', 'COMMITMENT_REJECTED', 5],
    ]);
    const rejected = rows.find((r) => r.event === 'COMMITMENT_REJECTED')!;
    expect(rejected.delivery_id).toBe(deliveryIdOf('w2', 5n, 'COMMITMENT_REJECTED'));
    expect(JSON.parse(rejected.body)).toEqual({
      event: 'COMMITMENT_REJECTED',
      deliveryId: rejected.delivery_id,
      projectId: P,
      position: '5',
      occurredAt: at,
      subject: {
        type: 'COMMITMENT',
        id: 'k1',
        summary: 'Export k1',
        estimateHours: 16,
        dueDate: null,
        status: 'REJECTED',
        standing: {
          outsideRequirements: true,
          outsideBudget: true,
          exceedsBudgetByHours: 6,
          madeWithoutAuthority: true,
          requestedWithoutAuthority: false,
        },
      },
    });
    expect(rejected.body).not.toContain('enc:v1:');
  });

  it('tells of a revision that re-judges a commitment outside the budget and into approval, once', async () => {
    await append('webhook-w1', registered('w1', ['COMMITMENT_AWAITING_APPROVAL', 'COMMITMENT_OUTSIDE_BUDGET']));
    const revised = (estimateHours: number) =>
      event('CommitmentRevised', {
        commitmentId: 'k1',
        projectId: P,
        revision: 2,
        estimateHours,
        requirementIds: [],
        requestIds: [],
        changes: [],
        reason: 'more work',
        status: 'PENDING_APPROVAL',
        atDecision: judgement(true),
        by: ann,
        at,
      });
    await append(`budget-${P}`, made('k1', 'ACCEPTED', false), revised(60), revised(80));
    const rows = await outbox();
    expect(rows.map((r) => [r.event, r.position]).sort()).toEqual([
      ['COMMITMENT_AWAITING_APPROVAL', 3],
      ['COMMITMENT_OUTSIDE_BUDGET', 3],
    ]);
    expect(JSON.parse(rows[0].body).subject).toMatchObject({ estimateHours: 60, status: 'PENDING_APPROVAL' });
  });

  it('tells of a relink that takes a commitment outside today and into approval, with both standings, once', async () => {
    await append('webhook-w1', registered('w1', ['COMMITMENT_AWAITING_APPROVAL', 'COMMITMENT_OUTSIDE_BUDGET']));
    const { reasons: _reasons, budgetAtDecision: _budget, ...outside } = judgement(true);
    // A relink never moves the judgement as made (no atDecision): what it judged is how the commitment stands after it.
    const relinked = event('CommitmentRevised', {
      commitmentId: 'k2',
      projectId: P,
      revision: 2,
      estimateHours: 16,
      requirementIds: [],
      requestIds: [],
      changes: [{ field: 'requirementIds', from: ['R2'], to: [] }],
      reason: 'relink',
      status: 'PENDING_APPROVAL',
      judgedAtRevision: outside,
      by: ann,
      at,
    });
    await append(`budget-${P}`, made('k2', 'ACCEPTED', false), relinked);
    const rows = await outbox();
    expect(rows.map((r) => [r.event, r.position]).sort()).toEqual([
      ['COMMITMENT_AWAITING_APPROVAL', 3],
      ['COMMITMENT_OUTSIDE_BUDGET', 3],
    ]);
    // As made it stays inside (history); what the relink moved is its standing today.
    const { reasons: _r, budgetAtDecision: _b, ...asMade } = judgement(false);
    for (const row of rows)
      expect(JSON.parse(row.body).subject).toMatchObject({ status: 'PENDING_APPROVAL', standing: asMade, judgedAtRevision: outside });
    // Relinked again while it waits: told no more.
    await append(`budget-${P}`, event('CommitmentRevised', { ...relinked.data, revision: 3, reason: 'relink again' }));
    expect(await outbox()).toHaveLength(2);
  });

  it('tells only webhooks that are active, and none of another project', async () => {
    await append('webhook-w1', registered('w1', ['COMMITMENT_REJECTED']));
    await append('webhook-w1', event('WebhookDeactivated', { webhookId: 'w1', projectId: P, by: ann, at }));
    await append(`budget-${P}`, made('k1', 'PENDING_APPROVAL', false), decision('CommitmentRejected', 'k1'));
    await append('budget-p-2', {
      ...made('k2', 'PENDING_APPROVAL', false),
      data: { ...made('k2', 'PENDING_APPROVAL', false).data, projectId: 'p-2' },
    });
    expect(await outbox()).toEqual([]);
  });

  it('cancels what a webhook was still owed when it is deactivated, also across a rebuild', async () => {
    await append('webhook-w1', registered('w1', ['COMMITMENT_REJECTED']));
    await append(
      `budget-${P}`,
      made('k1', 'PENDING_APPROVAL', false),
      decision('CommitmentRejected', 'k1'),
      made('k2', 'PENDING_APPROVAL', false),
      decision('CommitmentRejected', 'k2'),
    );
    const state = () => db.selectFrom(DELIVERY_STATE_TABLE).select(['status']).orderBy('status').execute();
    await db
      .updateTable(DELIVERY_STATE_TABLE)
      .set({ status: 'DELIVERED' })
      .where('delivery_id', '=', deliveryIdOf('w1', 5n, 'COMMITMENT_REJECTED'))
      .execute();
    await append('webhook-w1', event('WebhookDeactivated', { webhookId: 'w1', projectId: P, by: ann, at }));
    expect(await state()).toEqual([{ status: 'CANCELLED' }, { status: 'DELIVERED' }]);
    await outboxes.rebuild();
    expect(await state()).toEqual([{ status: 'CANCELLED' }, { status: 'DELIVERED' }]);
  });

  it('tells of a perception gap once when it opens, per contact told', async () => {
    await append('webhook-w1', registered('w1', ['PERCEPTION_GAP_OPENED']));
    await append('status-s1', reported('s1', 'c-1', 'ON_TRACK'), reported('s1', 'c-2', 'ON_TRACK'));
    expect(await outbox()).toEqual([]);
    await append('status-s1', assessed('s1', 'AT_RISK'));
    await append('status-s1', assessed('s1', 'BLOCKED'));
    const rows = await outbox();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => JSON.parse(r.body).subject)).toEqual(
      expect.arrayContaining([
        {
          type: 'REQUIREMENT',
          id: 's1',
          title: 'Login',
          toldToId: 'c-1',
          toldStatus: 'ON_TRACK',
          toldPercentComplete: null,
          actualStatus: 'AT_RISK',
          actualPercentComplete: null,
          disputed: false,
        },
        expect.objectContaining({ toldToId: 'c-2' }),
      ]),
    );
    await append('status-s1', assessed('s1', 'ON_TRACK'), assessed('s1', 'AT_RISK'));
    expect(await outbox()).toHaveLength(4);
  });

  it('tells of no gap with a forgotten contact, as the list of gaps shows none', async () => {
    await append('webhook-w1', registered('w1', ['PERCEPTION_GAP_OPENED']));
    await append('status-s1', reported('s1', 'c-1', 'ON_TRACK'), reported('s1', 'c-2', 'ON_TRACK'));
    await append('contact-c-1', event('ContactForgotten', { contactId: 'c-1', projectId: P, reason: 'Asked to be forgotten', at }));
    await append('status-s1', assessed('s1', 'BLOCKED'));
    expect((await outbox()).map((row) => JSON.parse(row.body).subject.toldToId)).toEqual(['c-2']);
  });

  it('rebuilds the same outbox and keeps each delivery state: nothing delivered is sent again', async () => {
    await append('webhook-w1', registered('w1', ['COMMITMENT_REJECTED']));
    await append(`budget-${P}`, made('k1', 'PENDING_APPROVAL', false), decision('CommitmentRejected', 'k1'));
    const before = await outbox();
    await db.updateTable(DELIVERY_STATE_TABLE).set({ status: 'DELIVERED', attempts: 1 }).execute();
    await outboxes.rebuild();
    expect(await outbox()).toEqual(before);
    expect(await db.selectFrom(DELIVERY_STATE_TABLE).select(['status', 'attempts']).execute()).toEqual([
      { status: 'DELIVERED', attempts: 1 },
    ]);
  });

  it('sends a delivery again once per redelivery request, also across a rebuild', async () => {
    await append('webhook-w1', registered('w1', ['COMMITMENT_REJECTED']));
    await append(`budget-${P}`, made('k1', 'PENDING_APPROVAL', false), decision('CommitmentRejected', 'k1'));
    const [{ delivery_id: deliveryId }] = await outbox();
    await db.updateTable(DELIVERY_STATE_TABLE).set({ status: 'FAILED', attempts: 9 }).execute();
    await append('webhook-w1', event('WebhookRedeliveryRequested', { webhookId: 'w1', projectId: P, deliveryId, by: ann, at }));
    const state = () => db.selectFrom(DELIVERY_STATE_TABLE).select(['status', 'attempts']).execute();
    expect(await state()).toEqual([{ status: 'PENDING', attempts: 0 }]);
    await db.updateTable(DELIVERY_STATE_TABLE).set({ status: 'DELIVERED', attempts: 1 }).execute();
    await outboxes.rebuild();
    expect(await state()).toEqual([{ status: 'DELIVERED', attempts: 1 }]);
  });
});
