import { type Portal, startPortal } from '../harness/portal-harness.js';
import { type WebhookProject, promiseTooMuch, registerWebhook, webhookProject } from './webhook-fixture.js';

const PAGE = `query($projectId: ID!, $first: Int!, $after: ID) {
  webhooks(projectId: $projectId) { deliveries(first: $first, after: $after) { id event } } }`;

/** A webhook's deliveries, newest first, page by page: every one listed once, however many there are. */
describe("paging through a webhook's deliveries", () => {
  let portal: Portal;
  let p: WebhookProject;
  const page = async (first: number, after?: string) => {
    const answer = await portal.graphql(PAGE, { projectId: p.projectId, first, after }, p.mia);
    return { deliveries: answer.data?.webhooks[0].deliveries as { id: string }[] | undefined, errors: answer.errors };
  };

  beforeAll(async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
    portal = await startPortal();
    p = await webhookProject(portal);
    // Port 9 (discard) on this machine: nobody answers, so every delivery stays listed.
    await registerWebhook(portal, p, 'http://127.0.0.1:9/hook', ['COMMITMENT_AWAITING_APPROVAL', 'COMMITMENT_OUTSIDE_BUDGET']);
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
});
