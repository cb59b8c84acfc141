import type { Page } from 'playwright-core';
import { type Chromium, describeInChromium, launchChromium, policyRefusals, textWhen } from '../harness/chromium.js';
import { DEMO_PROJECT, type SeededService, startSeededService } from './seeded-service.js';

/** The page a CUSTOMER member sees: their own requests and commitments, what they were told, and nothing internal. */
describeInChromium('the /portal page of a customer in Chromium, on the seeded demo project', () => {
  let service: SeededService;
  let browser: Chromium;
  let maria: string;
  const opened: Page[] = [];
  const refusals: string[][] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    service = await startSeededService('portal_customer');
    maria = await service.tokenFor('maria', 'Maria Manager');
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close();
    expect(refusals.splice(0).flat()).toEqual([]);
  });

  /** Opens the demo project as the token's user, recording every request the browser makes. */
  const open = async (token: string): Promise<{ page: Page; requests: { url: string; body: string | null }[] }> => {
    const page = await browser.context.newPage();
    opened.push(page);
    const requests: { url: string; body: string | null }[] = [];
    page.on('request', (request) => requests.push({ url: request.url(), body: request.postData() }));
    refusals.push(policyRefusals(page));
    await page.goto(`${service.api.url}/portal#token=${token}&project=${DEMO_PROJECT}`);
    return { page, requests };
  };

  /** The demo's contact of that name as a CUSTOMER member of the project, and a token for them. */
  const customer = async (userId: string, name: string): Promise<string> => {
    const { contacts } = await service.graphql('query($p: ID!) { contacts(projectId: $p) { id name } }', { p: DEMO_PROJECT }, maria);
    const contact = contacts.find((c: { name: string }) => c.name === name);
    await service.send('AddMember', { input: { projectId: DEMO_PROJECT, userId, name, role: 'CUSTOMER', contactId: contact.id } }, maria);
    return service.tokenFor(userId, name);
  };

  it('shows a customer their own requests and commitments and no budget figure', async () => {
    const { page, requests } = await open(await customer('erik', 'Erik Enduser'));
    expect(await textWhen(page, '#your-commitments', 'Bulk upload with OCR')).toContain('150 h');
    expect(await textWhen(page, '#your-requests', 'Bulk upload of scanned letters')).toContain('about 150 h');
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/budget|reserve|550 h|410 h|140 h|\b10 h|authority|outside/i);
    expect(await page.locator('#budget, #approval-queue, #flagged-commitments, #perception-gaps').count()).toBe(0);
    const asked = requests.map((r) => r.body ?? '').join('\n');
    expect(asked).toContain('PortalCustomerCommitments');
    expect(asked).not.toMatch(/budget|dashboard|perceptionGaps|reasons|outsideBudget|Authority/);
  }, 60_000);

  it('shows a customer what they were told, and records their dispute with its note', async () => {
    const { page, requests } = await open(await customer('sven', 'Sven Decider'));
    const report = page.locator('#status-told li[data-report]').filter({ hasText: 'R2: Document upload' });
    expect(await textWhen(page, '#status-told', 'R2: Document upload')).toMatch(/on track, 60 %/);
    expect(await report.innerText()).toContain('You have not answered yet.');
    await report.getByLabel('Note').fill('The upload fails for every PDF');
    await report.getByRole('button', { name: /^Dispute/ }).click();
    await textWhen(page, '#status-told', 'You disputed it on');
    const { statusReports } = await service.send('StatusReports', { projectId: DEMO_PROJECT }, maria);
    const told = statusReports.find((r: { title: string }) => r.title.startsWith('R2: Document upload'));
    expect(told.acknowledgement).toMatchObject({ agrees: false, note: 'The upload fails for every PDF' });
    const asked = requests.map((r) => r.body ?? '').join('\n');
    expect(asked).not.toMatch(/budget|dashboard|perceptionGaps|reasons|outsideBudget|Authority|toldTo/);
  }, 60_000);
});
