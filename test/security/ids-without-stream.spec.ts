import { EventSourcing } from '@cf/ledger';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { type WebhookReceiver, startWebhookReceiver } from '../harness/webhook-receiver.js';
import { requirementInput } from '../fixtures/requirements-world.js';
import { type WebhookProject, latestDelivery, promiseTooMuch, registerWebhook, webhookProject } from '../webhooks/webhook-fixture.js';

const SETTINGS = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '50' };

/** Entities whose ids are no stream's name: a status report, a baseline, a webhook's delivery. */
describe('a chosen id of an entity without a stream of its own', () => {
  let portal: Portal;
  let receiver: WebhookReceiver;
  let p: WebhookProject;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    Object.assign(process.env, SETTINGS);
    receiver = await startWebhookReceiver();
    portal = await startPortal();
    p = await webhookProject(portal);
    const { webhook } = await registerWebhook(portal, p, receiver.url, ['COMMITMENT_OUTSIDE_BUDGET']);
    const commitmentId = await promiseTooMuch(portal, p);
    ids.delivery = (await latestDelivery(portal, p, webhook.id, 'DELIVERED')).id;
    const told = { projectId: p.projectId, subjectId: commitmentId, toldStatus: 'ON_TRACK', toldToId: p.dora, message: 'On its way' };
    await portal.ok('ReportStatus', { input: told }, p.mia);
    ids.report = (await portal.ok('StatusReports', { projectId: p.projectId }, p.mia)).statusReports[0].id;
    await portal.ok('AddRequirement', { input: requirementInput(p.projectId, 'R1') }, p.mia);
    const approved = { projectId: p.projectId, name: 'V1', countersignedById: p.dora };
    ids.baseline = (await portal.ok('ApproveBaseline', { input: approved }, p.mia)).approveBaseline.baseline.id;
  });
  afterAll(async () => {
    await portal.close();
    await receiver.close();
    for (const name of Object.keys(SETTINGS)) Reflect.deleteProperty(process.env, name);
  });

  it.each(['report', 'baseline', 'delivery'])("refuses openProject with a %s's id and appends nothing", async (kind) => {
    const head = await portal.app.get(EventSourcing).store.headPosition();
    const answer = await portal.send(
      'OpenProject',
      { input: { id: ids[kind], name: 'Squatter', customerName: 'C', budgetHours: 1 } },
      p.dan,
    );
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    expect(await portal.app.get(EventSourcing).store.headPosition()).toBe(head);
  });

  it("keeps a status report's history its own: the report, not a squatter's project", async () => {
    const { history } = await portal.ok('History', { id: ids.report }, p.mia);
    expect(history.map((entry: { type: string }) => entry.type)).toEqual(['StatusReported']);
  });
});
