import { WebhookDispatcher } from '@cf/webhooks';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { sampleOf, scrape } from '../operations/scrape.js';
import { type WebhookReceiver, signatureVerifies, startWebhookReceiver } from '../harness/webhook-receiver.js';
import { type WebhookProject, promiseTooMuch, registerWebhook, webhookProject } from './webhook-fixture.js';

/** Fast retries, and a first response due an hour after a request is raised, whatever the day and hour. */
const SETTINGS = {
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_RETRY_SECONDS: '0.2,0.2',
  WEBHOOK_POLL_MS: '50',
  WEBHOOK_TIMEOUT_MS: '2000',
  WEBHOOK_FIRST_RESPONSE_HOURS: '1',
  WEBHOOK_WORKING_DAYS: '0,1,2,3,4,5,6',
  WEBHOOK_WORKING_HOURS: '0-24',
};
const REDELIVER =
  'mutation($i: RedeliverWebhookDeliveryInput!) { redeliverWebhookDelivery(input: $i) { position delivery { id status attempts } } }';

describe('delivering webhooks to a real receiver on 127.0.0.1', () => {
  let portal: Portal;
  let receiver: WebhookReceiver;
  let p: WebhookProject;
  let secret: string;
  const deliveries = async () =>
    (await portal.ok('Webhooks', { projectId: p.projectId }, p.mia)).webhooks[0].deliveries as Record<string, any>[];
  /** Polls the listing until the delivery reaches the status (the dispatcher records it after the receiver answered). */
  const settled = async (id: string, status: string): Promise<Record<string, any>> => {
    const deadline = Date.now() + 20_000;
    let delivery = (await deliveries()).find((d) => d.id === id);
    while (delivery?.status !== status && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      delivery = (await deliveries()).find((d) => d.id === id);
    }
    return delivery!;
  };

  beforeAll(async () => {
    Object.assign(process.env, SETTINGS);
    receiver = await startWebhookReceiver();
    portal = await startPortal();
    p = await webhookProject(portal);
    ({ secret } = (
      await registerWebhook(portal, p, receiver.url, [
        'COMMITMENT_AWAITING_APPROVAL',
        'COMMITMENT_OUTSIDE_BUDGET',
        'COMMITMENT_REJECTED',
        'PERCEPTION_GAP_OPENED',
        'FIRST_RESPONSE_OVERDUE',
        'CONTACT_DAYS_BELOW_TARGET',
      ])
    ).webhook);
  });
  afterAll(async () => {
    await portal.close();
    await receiver.close();
    for (const name of Object.keys(SETTINGS)) Reflect.deleteProperty(process.env, name);
  });

  it('posts signed JSON naming the event, the delivery, the project and the commitment', async () => {
    const commitmentId = await promiseTooMuch(portal, p, 'Export to the old ERP');
    const made = await receiver.waitFor(2, (d) => d.body.subject.id === commitmentId);
    expect(made.map((d) => d.body.event).sort()).toEqual(['COMMITMENT_AWAITING_APPROVAL', 'COMMITMENT_OUTSIDE_BUDGET']);
    await portal.ok('RejectCommitment', { input: { commitmentId, note: 'Not in this contract' } }, p.mia);
    const [rejected] = await receiver.waitFor(1, (d) => d.body.event === 'COMMITMENT_REJECTED');

    expect(rejected.headers).toMatchObject({
      'content-type': 'application/json',
      'x-ledger-event': 'COMMITMENT_REJECTED',
      'x-ledger-delivery': rejected.body.deliveryId,
    });
    expect(signatureVerifies(secret, rejected.rawBody, rejected.headers['x-ledger-signature'])).toBe(true);
    expect(signatureVerifies('another secret', rejected.rawBody, rejected.headers['x-ledger-signature'])).toBe(false);
    expect(rejected.body).toEqual({
      event: 'COMMITMENT_REJECTED',
      deliveryId: expect.any(String),
      projectId: p.projectId,
      position: expect.stringMatching(/^\d+$/),
      occurredAt: expect.any(String),
      subject: {
        type: 'COMMITMENT',
        id: commitmentId,
        summary: 'Export to the old ERP',
        estimateHours: 150,
        dueDate: null,
        status: 'REJECTED',
        standing: {
          outsideRequirements: true,
          outsideBudget: true,
          exceedsBudgetByHours: 50,
          madeWithoutAuthority: true,
          requestedWithoutAuthority: false,
        },
      },
    });
    const listed = await settled(rejected.body.deliveryId, 'DELIVERED');
    expect(listed).toMatchObject({ event: 'COMMITMENT_REJECTED', attempts: 1, lastStatusCode: 200, position: rejected.body.position });
  });

  it('retries a receiver that failed with the same delivery id, and lists the attempts', async () => {
    receiver.answerNext(503);
    const commitmentId = await promiseTooMuch(portal, p, 'A second export');
    const attempts = await receiver.waitFor(3, (d) => d.body.subject.id === commitmentId);
    const [failed] = attempts.filter((d) => d.answered === 503);
    const retried = attempts.filter((d) => d.headers['x-ledger-delivery'] === failed.headers['x-ledger-delivery']);
    expect(retried.map((d) => d.answered)).toEqual([503, 200]);
    expect(retried[1].rawBody).toBe(failed.rawBody);
    expect(await settled(failed.body.deliveryId, 'DELIVERED')).toMatchObject({ attempts: 2, lastStatusCode: 200 });
  });

  it('fails a delivery after its last retry, and sends it again on request under the same id', async () => {
    receiver.answerNext(500, 500, 500, 500, 500, 500);
    const commitmentId = await promiseTooMuch(portal, p, 'A third export');
    const attempts = await receiver.waitFor(6, (d) => d.body.subject.id === commitmentId);
    const deliveryId = attempts[0].body.deliveryId as string;
    expect(await settled(deliveryId, 'FAILED')).toMatchObject({ attempts: 3, lastStatusCode: 500 });

    expect((await portal.graphql(REDELIVER, { i: { deliveryId } }, p.dan)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const again = await portal.graphql(REDELIVER, { i: { deliveryId, idempotencyKey: 'redeliver-once' } }, p.mia);
    expect(again.errors).toBeUndefined();
    // Sent again after a lost answer, with its key: the first redelivery's answer, and no second one.
    const retried = await portal.graphql(REDELIVER, { i: { deliveryId, idempotencyKey: 'redeliver-once' } }, p.mia);
    expect(retried.data?.redeliverWebhookDelivery.position).toBe(again.data?.redeliverWebhookDelivery.position);
    const redelivered = await receiver.waitFor(4, (d) => d.body.deliveryId === deliveryId);
    expect(redelivered[3].answered).toBe(200);
    expect(await settled(deliveryId, 'DELIVERED')).toMatchObject({ attempts: 1, lastStatusCode: 200 });
  });

  it('counts attempts by event and outcome in the metrics', async () => {
    const metrics = await scrape(portal.url.replace(/\/graphql$/, ''));
    const count = (event: string, outcome: string) =>
      Number(sampleOf(metrics, 'ledger_webhook_deliveries_total', { event, outcome }).value);
    expect(count('COMMITMENT_REJECTED', 'DELIVERED')).toBe(1);
    expect(count('COMMITMENT_OUTSIDE_BUDGET', 'RETRY')).toBeGreaterThanOrEqual(2);
    expect(count('COMMITMENT_OUTSIDE_BUDGET', 'FAILED')).toBe(1);
  });

  it('tells of a perception gap when what a contact was told turns out wrong', async () => {
    const commitmentId = await promiseTooMuch(portal, p, 'A fourth export');
    await portal.ok(
      'ReportStatus',
      { input: { projectId: p.projectId, subjectId: commitmentId, toldStatus: 'ON_TRACK', toldToId: p.dora, message: 'All fine' } },
      p.mia,
    );
    await portal.ok(
      'AssessStatus',
      { input: { projectId: p.projectId, subjectId: commitmentId, actualStatus: 'BLOCKED', note: 'Waiting on the ERP team' } },
      p.mia,
    );
    const [gap] = await receiver.waitFor(1, (d) => d.body.event === 'PERCEPTION_GAP_OPENED');
    expect(gap.body.subject).toMatchObject({
      type: 'COMMITMENT',
      id: commitmentId,
      toldToId: p.dora,
      toldStatus: 'ON_TRACK',
      actualStatus: 'BLOCKED',
    });
    expect(gap.rawBody).not.toContain('Dora');
  });

  it('tells of a request left without a first response past its working hours, and of no request answered in time', async () => {
    const raise = async (title: string) =>
      (
        await portal.ok(
          'RaiseRequest',
          {
            input: { projectId: p.projectId, title, description: '', kind: 'QUESTION', channel: 'WRITTEN', requestedById: p.dora },
          },
          p.mia,
        )
      ).raiseRequest.request.id as string;
    const answered = await raise('Answered at once');
    await portal.ok('RespondToRequest', { input: { requestId: answered, stance: 'CLARIFY', message: 'Which format?' } }, p.dan);
    const waiting = await raise('Left waiting');
    // A pass as the leader makes it two hours from now: both deadlines have passed, one request was answered in time.
    await portal.app.get(WebhookDispatcher).dispatchDue(new Date(Date.now() + 2 * 3_600_000));
    const [overdue] = await receiver.waitFor(1, (d) => d.body.event === 'FIRST_RESPONSE_OVERDUE');
    expect(overdue.body.subject).toEqual({
      type: 'REQUEST',
      id: waiting,
      title: 'Left waiting',
      kind: 'QUESTION',
      channel: 'WRITTEN',
      raisedAt: expect.any(String),
      firstResponseDueAt: overdue.body.occurredAt,
    });
    expect(receiver.received.filter((d) => d.body.subject.id === answered)).toEqual([]);
  });
});
