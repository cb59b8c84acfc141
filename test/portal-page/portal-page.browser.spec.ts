import type { Page } from 'playwright-core';
import { describeInChromium, textWhen } from '../harness/chromium.js';
import { DEMO_PROJECT } from './seeded-service.js';
import { seededPortal } from './seeded-portal.js';

// Functions passed to page.evaluate run in the page; the test's own types know no DOM.
declare const document: {
  querySelector(selector: string): { textContent: string | null } | null;
  activeElement: unknown;
  querySelectorAll(selector: string): unknown[];
};
declare const window: Record<string, unknown>;

describeInChromium('the /portal page in Chromium, on the seeded demo project', () => {
  const world = seededPortal('portal_page');

  /** Opens the page as the token's user, recording every request the browser makes. */
  const open = async (token: string): Promise<{ page: Page; requests: { url: string; body: string | null }[] }> => {
    const page = await world.newPage();
    const requests: { url: string; body: string | null }[] = [];
    page.on('request', (request) => requests.push({ url: request.url(), body: request.postData() }));
    page.on('websocket', (socket) => requests.push({ url: socket.url(), body: null }));
    await page.goto(`${world.service.api.url}/portal#token=${token}&project=${DEMO_PROJECT}`);
    return { page, requests };
  };

  /** Jonas, a developer of the demo, promises Erik, one of its contacts, some work; it waits for a manager's approval. Answers its id. */
  const jonasPromisesErik = async (summary: string, estimateHours: number): Promise<string> => {
    const { contacts } = await world.service.graphql(
      'query($p: ID!) { contacts(projectId: $p) { id name } }',
      { p: DEMO_PROJECT },
      world.maria,
    );
    const erik = contacts.find((c: { name: string }) => c.name === 'Erik Enduser');
    const jonas = await world.service.tokenFor('jonas', 'Jonas Developer');
    const { makeCommitment } = await world.service.send(
      'MakeCommitment',
      { input: { projectId: DEMO_PROJECT, summary, madeToId: erik.id, estimateHours } },
      jonas,
    );
    return makeCommitment.commitment.id;
  };

  it("shows the demo project's figures and charts, and keeps the token out of every address", async () => {
    const { page, requests } = await open(world.maria);
    // The demo's change order raised the budget to 550 h for the bulk upload: made outside it, inside it today.
    expect(await textWhen(page, '#budget', 'Reserve left')).toMatch(/Budget\s+550 h[\s\S]*Exposure\s+410 h[\s\S]*Reserve left\s+140 h/);
    const bar = page.locator('#budget svg[role="img"]');
    expect(await bar.getAttribute('aria-label')).toContain(
      'Commitments inside requirements 120 h, Baseline not yet promised 140 h, Outside requirements 150 h',
    );
    expect(await bar.locator('rect.segment').count()).toBe(4); // the three above and the reserve left
    await textWhen(page, '#flagged-commitments', 'Bulk upload with OCR');
    expect(await page.locator('#flagged-commitments [data-figure="made-outside-budget"]').innerText()).toBe('1 · 10 h');
    expect(await page.locator('#flagged-commitments [data-figure="outside-budget-today"]').innerText()).toBe('0 · 0 h');
    const cells = await page.locator('#flagged-commitments tbody tr').first().locator('td').allInnerTexts();
    expect(cells.slice(0, 4)).toEqual([
      expect.stringMatching(/^Jonas Developer/),
      expect.stringMatching(/^Bulk upload with OCR by the end of March/),
      expect.stringMatching(/^Erik Enduser/),
      '150 h',
    ]);
    expect(cells[4]).toMatch(/outside budget by 10 h[\s\S]*made without authority/); // made
    expect(cells[5]).toMatch(/outside requirements/); // standing today
    expect(cells[5]).not.toMatch(/outside budget/);
    expect(await textWhen(page, '#perception-gaps', 'R2: Document upload')).toMatch(
      /1 gap between what a contact was told and what the team assesses\.[\s\S]*on track, 60 %[\s\S]*to Sven Decider[\s\S]*at risk, 30 %/,
    );
    expect(await textWhen(page, '#requirement-churn [data-figure="revisions-since-baseline"]', '2')).toBe('2');
    expect(await page.locator('#requirement-churn .bar-chart li').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/direct\s+2/)]),
    );
    await textWhen(page, '#contact-days', 'Jonas Developer');
    expect(await page.locator('#contact-days tr[data-developer="jonas"] td.heat.met').allInnerTexts()).toEqual(['2']);
    expect(await textWhen(page, '#uncontacted-departments', 'Finance')).toContain('IT Account Management');
    expect(await textWhen(page, '#first-responses [data-figure="open-requests"]', '2')).toBe('2');
    expect(
      await page.evaluate(
        () => [...(document.querySelectorAll('input') as { labels: unknown[] }[])].filter((input) => input.labels.length === 0).length,
      ),
    ).toBe(0);
    expect(await page.locator('table:not(:has(caption))').count()).toBe(0);
    expect(await page.locator('svg:not([aria-label]), .bar-chart:not([aria-label])').count()).toBe(0);
    expect(new URL(page.url()).hash).toBe(`#project=${DEMO_PROJECT}`);
    expect(requests.filter((r) => r.url.includes(world.maria))).toEqual([]);
    expect(requests.every((r) => new URL(r.url).host === new URL(world.service.api.url).host)).toBe(true);
  }, 60_000);

  it('approves a commitment from the approval queue, and the API then reads it APPROVED', async () => {
    const pending = await world.service.send(
      'Commitments',
      { projectId: DEMO_PROJECT, filter: { status: 'PENDING_APPROVAL' } },
      world.maria,
    );
    const { id } = pending.commitments.edges[0].node;
    const { page } = await open(world.maria);
    const row = page.locator(`#approval-queue tr[data-commitment="${id}"]`);
    // By keyboard alone: the note, then Tab to Approve and Enter.
    await row.getByLabel('Note').focus();
    await page.keyboard.type('Approved after the call with Sven');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as { textContent: string }).textContent)).toMatch(
      /^Approve “Bulk upload with OCR/,
    );
    await page.keyboard.press('Enter');
    await textWhen(page, '#approval-queue', 'Nothing waits for approval');
    const { commitment } = await world.service.graphql('query($id: ID!) { commitment(id: $id) { status } }', { id }, world.maria);
    expect(commitment.status).toBe('APPROVED');
  }, 60_000);

  it('shows a commitment made elsewhere without a reload', async () => {
    const { page } = await open(world.maria);
    await page.waitForSelector('#activity [data-live="live"]', { timeout: 10_000 });
    await textWhen(page, '#flagged-commitments', 'Bulk upload with OCR');
    await page.evaluate(() => {
      window.stillTheSamePage = true;
    });
    await jonasPromisesErik('Offline mode for adjusters', 200);
    expect(await textWhen(page, '#flagged-commitments', 'Offline mode for adjusters')).toContain('outside budget by 60 h');
    expect(await textWhen(page, '#budget', 'Over budget by')).toMatch(/Over budget by\s+60 h/);
    expect(await textWhen(page, '#activity', 'Offline mode for adjusters')).toContain('Jonas Developer made commitment');
    expect(await page.evaluate(() => window.stillTheSamePage)).toBe(true);
  }, 60_000);
  it('decides a commitment once on a double click, and says it was decided', async () => {
    const id = await jonasPromisesErik('Print a claim as PDF', 4);
    const { page, requests } = await open(world.maria);
    const row = page.locator(`#approval-queue tr[data-commitment="${id}"]`);
    // A reject without a note is refused on the page, and the word why stays above the queue.
    await row.getByRole('button', { name: /^Reject/ }).click();
    await textWhen(page, '#approval-queue .decision-status', 'in its note first');
    await row.getByRole('button', { name: /^Approve/ }).dblclick();
    await textWhen(page, '#approval-queue .decision-status', 'Approved');
    await row.waitFor({ state: 'detached' });
    await page.waitForTimeout(500); // a second decision, had one been sent, would answer by now
    expect(await page.locator('#approval-queue .decision-status').innerText()).toBe('Approved “Print a claim as PDF”.');
    expect(requests.filter((r) => r.body?.includes('ApproveCommitment'))).toHaveLength(1);
  }, 60_000);
  it('lists a commitment made without authority and rejected since, as no longer drawing on the budget', async () => {
    const id = await jonasPromisesErik('Dark mode for the claims list', 6);
    await world.service.send('RejectCommitment', { input: { commitmentId: id, note: 'Not this release' } }, world.maria);
    const { page } = await open(world.maria);
    await textWhen(page, '#flagged-commitments', 'Dark mode for the claims list');
    const cells = await page.locator(`#flagged-commitments tr[data-commitment="${id}"] td`).allInnerTexts();
    expect(cells[4]).toMatch(/made without authority/); // made
    expect(cells[5]).toMatch(/no longer draws on the budget/); // standing today
    expect(cells[6]).toBe('rejected');
  }, 60_000);
  it('keeps the approval decision in view on a 1280 px screen, a long word in the summary too, and the page within a phone 390 px wide', async () => {
    // A ticket key or an address in a summary is one long word: it wraps in its cell instead of widening the table.
    const id = await jonasPromisesErik(`Offline capture of claims on the phone, see ${'Supercalifragilistic'.repeat(6)}`, 8);
    const { page } = await open(world.maria);
    await page.setViewportSize({ width: 1280, height: 900 });
    const row = page.locator(`#approval-queue tr[data-commitment="${id}"]`);
    await row.waitFor();
    const box = await page.locator('#approval-queue .scroll').boundingBox();
    for (const control of [
      row.getByLabel('Note'),
      row.getByRole('button', { name: /^Approve/ }),
      row.getByRole('button', { name: /^Reject/ }),
    ]) {
      const { x, width } = (await control.boundingBox())!;
      expect(x + width).toBeLessThanOrEqual(box!.x + box!.width);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    expect(
      await page.evaluate(() => (document as unknown as { documentElement: { scrollWidth: number } }).documentElement.scrollWidth),
    ).toBe(390);
    const signOut = (await page.getByRole('button', { name: 'Sign out' }).boundingBox())!;
    expect(signOut.x + signOut.width).toBeLessThanOrEqual(390);
    // The project list uses the phone's width, not a column beside the title.
    expect((await page.locator('#projects').boundingBox())!.width).toBeGreaterThan(300);
  }, 60_000);
});
