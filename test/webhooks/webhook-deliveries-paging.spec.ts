import { type Portal, startPortal } from '../harness/portal-harness.js';
import { type WebhookProject, promiseTooMuch, registerWebhook, webhookProject } from './webhook-fixture.js';

const PAGE = `query($id: ID!, $first: Int!, $after: ID) { webhook(id: $id) { deliveries(first: $first, after: $after) { id event } } }`;
const LISTED = `query($projectId: ID!, $after: ID) { webhooks(projectId: $projectId) { id deliveries(first: 2, after: $after) { id } } }`;
const WITH_DELIVERIES = '{ secret deliveries { id } }';

/** A webhook's deliveries, newest first, page by page: every one listed once, however many there are. */
describe("paging through a webhook's deliveries", () => {
  let portal: Portal;
  let p: WebhookProject;
  let webhookId: string;
  const page = async (first: number, after?: string, token = p.mia) => {
    const answer = await portal.graphql(PAGE, { id: webhookId, first, after }, token);
    return { deliveries: answer.data?.webhook.deliveries as { id: string }[] | undefined, errors: answer.errors };
  };

  beforeAll(async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
    portal = await startPortal();
    p = await webhookProject(portal);
    // Port 9 (discard) on this machine: nobody answers, so every delivery stays listed.
    ({ id: webhookId } = (
      await registerWebhook(portal, p, 'http://127.0.0.1:9/hook', ['COMMITMENT_AWAITING_APPROVAL', 'COMMITMENT_OUTSIDE_BUDGET'])
    ).webhook);
    for (const summary of ['First', 'Second', 'Third']) await promiseTooMuch(portal, p, summary);
  });
  afterAll(async () => {
    await portal.close();
    delete process.env.WEBHOOK_ALLOW_PRIVATE;
  });

  it('lists the pages after one another with after, each delivery once, in the order of one long page', async () => {
    const whole = (await page(100)).deliveries!;
    expect(whole).toHaveLength(6); // two notices for each of the three promises
    // Two notices of one promise share its time and position: pages of 1 and 3 split such a pair.
    for (const size of [1, 3, 4]) {
      const paged: { id: string }[] = [];
      for (let after: string | undefined, tries = 0; tries < 10; tries++) {
        const next = (await page(size, after)).deliveries!;
        paged.push(...next);
        if (next.length < size) break;
        after = next[next.length - 1].id;
      }
      expect({ size, paged }).toEqual({ size, paged: whole });
    }
  });

  it('refuses an after that names no delivery of the webhook, naming after', async () => {
    const { errors } = await page(4, '01900000-0000-7000-8000-000000000000');
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it("pages one webhook's deliveries among several, where an after in the list of webhooks is refused for the others", async () => {
    const input = { projectId: p.projectId, url: 'http://127.0.0.1:9/other', events: ['COMMITMENT_REJECTED'] };
    await portal.ok('RegisterWebhook', { input }, p.mia);
    const [first] = (await page(1)).deliveries!;
    expect((await page(1, first.id)).deliveries).toEqual([(await page(2)).deliveries![1]]);
    const listed = await portal.graphql(LISTED, { projectId: p.projectId, after: first.id }, p.mia);
    expect(listed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(listed.errors?.[0].message).toMatch(/webhook\(id\)/);
  });

  it('is read by MANAGERs alone: FORBIDDEN to a DEVELOPER', async () => {
    expect((await page(1, undefined, p.dan)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers deliveries beside the secret that registration and rotation show', async () => {
    const input = { projectId: p.projectId, url: 'http://127.0.0.1:9/third', events: ['COMMITMENT_REJECTED'] };
    const registered = await portal.ok('RegisterWebhook', { input }, p.mia);
    const register = `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook ${WITH_DELIVERIES} } }`;
    const answer = await portal.graphql(register, { input: { ...input, url: 'http://127.0.0.1:9/fourth' } }, p.mia);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.registerWebhook.webhook).toEqual({ secret: expect.any(String), deliveries: [] });
    const rotate = `mutation($input: WebhookInput!) { rotateWebhookSecret(input: $input) { webhook ${WITH_DELIVERIES} } }`;
    const rotated = await portal.graphql(rotate, { input: { webhookId } }, p.mia);
    expect(rotated.errors).toBeUndefined();
    expect(rotated.data?.rotateWebhookSecret.webhook.secret).toEqual(expect.any(String));
    expect(rotated.data?.rotateWebhookSecret.webhook.deliveries).toHaveLength(6);
    expect(registered.registerWebhook.webhook.secret).not.toBe(rotated.data?.rotateWebhookSecret.webhook.secret);
  });
});
