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

  const { open, jonasPromisesErik } = world;

  /** The demo's commitment whose summary starts with `summary`: its id and the requirements it links. */
  const demoCommitment = async (summary: string): Promise<{ id: string; requirements: { id: string }[] }> => {
    const { commitments } = await world.service.graphql(
      'query($p: ID!) { commitments(projectId: $p) { edges { node { id summary requirements { id } } } } }',
      { p: DEMO_PROJECT },
      world.maria,
    );
    return commitments.edges.find((edge: { node: { summary: string } }) => edge.node.summary.startsWith(summary)).node;
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
    expect(cells[5]).toMatch(/paid by a change order \(Change order 1: [^)]*\), countersigned by Sven Decider/);
    expect(await textWhen(page, '#perception-gaps', 'R2: Document upload')).toMatch(
      /1 gap between what a contact was told and what the team assesses\.[\s\S]*on track, 60 %[\s\S]*to Sven Decider[\s\S]*at risk, 30 %/,
    );
    expect(await textWhen(page, '#requirement-churn [data-figure="revisions-since-baseline"]', '2')).toBe('2');
    expect(await page.locator('#requirement-churn .bar-chart li').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/direct\s+2/)]),
    );
    await textWhen(page, '#contact-days', 'Jonas Developer');
    // A met target reads as met without its colour: a check mark on the page, words for a screen reader.
    const met = page.locator('#contact-days tr[data-developer="jonas"] td.heat.met');
    expect(await met.locator('[aria-hidden="true"]').allInnerTexts()).toEqual(['2 ✓']);
    expect(await met.locator('.visually-hidden').allTextContents()).toEqual(['2 d of 2 d: target met']);
    expect(await textWhen(page, '#uncontacted-departments', 'Finance')).toContain('IT Account Management');
    expect(await textWhen(page, '#first-responses [data-figure="open-requests"]', '2')).toBe('2');
    expect(
      await page.evaluate(
        () => [...(document.querySelectorAll('input') as { labels: unknown[] }[])].filter((input) => input.labels.length === 0).length,
      ),
    ).toBe(0);
    expect(await page.locator('table:not(:has(caption))').count()).toBe(0);
    // A disclosure is kept open across a redraw by its key (openDisclosuresIn): each one has its own.
    expect(await page.locator('details:not([data-disclosure])').count()).toBe(0);
    expect(await page.locator('svg:not([aria-label]), .bar-chart:not([aria-label])').count()).toBe(0);
    expect(new URL(page.url()).hash).toBe(`#project=${DEMO_PROJECT}`);
    expect(requests.filter((r) => r.url.includes(world.maria))).toEqual([]);
    expect(requests.every((r) => new URL(r.url).host === new URL(world.service.api.url).host)).toBe(true);
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
  it("keeps the budget line's label as readable on a phone 390 px wide as the figures beside it", async () => {
    const { page } = await open(world.maria);
    await page.setViewportSize({ width: 390, height: 844 });
    const label = page.locator('#budget .marker-label');
    expect(await textWhen(page, '#budget .marker-label', 'Budget')).toMatch(/^Budget\s+550 h$/);
    const box = (await label.boundingBox())!;
    const figure = (await page.locator('#budget [data-figure="remaining-reserve"]').boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(figure.height * 0.6);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }, 60_000);

  // Last, as the next: it revises R1, which the other tests' figures do not expect.
  it('lists a promise within budget and authority once a requirement it links changes, with the suspect link', async () => {
    const intake = await demoCommitment('Claim intake form as specified');
    const revision = { requirementId: intake.requirements[0].id, title: 'Claim intake form with address check', reason: 'Sven asked' };
    await world.service.send('ReviseRequirement', { input: revision }, world.maria);
    const { page } = await open(world.maria);
    await textWhen(page, '#flagged-commitments', 'Claim intake form as specified');
    const row = page.locator(`#flagged-commitments tr[data-commitment="${intake.id}"]`);
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[4]).toMatch(/within budget and requirements/); // made
    // The reasons sit in a disclosure (closed: the row stays one line high), as the judgements' do.
    expect(await row.locator('[data-suspect] summary').textContent()).toBe('1 suspect link of “Claim intake form as specified”');
    expect(await row.locator('[data-suspect] li').textContent()).toBe('The requirement was revised: Sven asked');
  }, 60_000);

  // Last: it grows the demo's covered promise, which the other tests' figures do not expect.
  it('says a change order no longer pays for a promise once a revision went beyond it', async () => {
    const ocr = await demoCommitment('Bulk upload with OCR');
    const raise = { commitmentId: ocr.id, estimateHours: 170, reason: 'Handwritten letters too' };
    const { reviseCommitment } = await world.service.send('ReviseCommitment', { input: raise }, world.maria);
    const { page } = await open(world.maria);
    await textWhen(page, '#flagged-commitments', 'no longer paid');
    const today = await page.locator(`#flagged-commitments tr[data-commitment="${ocr.id}"] td`).nth(5).innerText();
    expect(today).toContain(
      `no longer paid by a change order (Change order 1: bulk upload with OCR, signed by Sven): revision ${reviseCommitment.commitment.revision} went beyond it`,
    );
    expect(today).not.toContain('paid by a change order (Change order 1: bulk upload with OCR, signed by Sven), countersigned');
  }, 60_000);
});
