import { describeInChromium, textWhen } from '../harness/chromium.js';
import { DEMO_PROJECT } from './seeded-service.js';
import { seededPortal } from './seeded-portal.js';

// Functions passed to page.evaluate run in the page; the test's own types know no DOM.
declare const document: { activeElement: unknown };

/** A manager deciding the commitments that wait for approval: by keyboard, once per click, with the controls in view. */
describeInChromium('the approval queue of the /portal page in Chromium, on the seeded demo project', () => {
  const world = seededPortal('portal_approval');
  const { open, jonasPromisesErik } = world;

  it('approves commitments from the approval queue by keyboard alone, focus staying in the queue, and the API then reads them APPROVED', async () => {
    const next = await jonasPromisesErik('Export claims to CSV', 3);
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
    // The decided row leaves; the keyboard goes on to the note of the one that took its place.
    await page.locator(`#approval-queue tr[data-commitment="${id}"]`).waitFor({ state: 'detached' });
    await page.waitForFunction(() => (document.activeElement as { id?: string } | null)?.id?.startsWith('note-'));
    expect(await page.evaluate(() => (document.activeElement as { id: string }).id)).toBe(`note-${next}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await textWhen(page, '#approval-queue', 'Nothing waits for approval');
    // With nothing left to decide, the queue's heading holds the focus, not the top of the page.
    await page.waitForFunction(() => (document.activeElement as { tagName?: string } | null)?.tagName === 'H2');
    expect(await page.evaluate(() => (document.activeElement as { textContent: string }).textContent)).toBe('Waiting for approval');
    for (const decided of [id, next]) {
      const { commitment } = await world.service.graphql(
        'query($id: ID!) { commitment(id: $id) { status } }',
        { id: decided },
        world.maria,
      );
      expect(commitment.status).toBe('APPROVED');
    }
  }, 60_000);

  it('keeps the keyboard in a note, and the words typed, when news about another commitment redraws the queue', async () => {
    const id = await jonasPromisesErik('Archive claims after ten years', 2);
    const { page } = await open(world.maria);
    await page.waitForSelector('#activity [data-live="live"]', { timeout: 10_000 });
    const note = page.locator(`#approval-queue tr[data-commitment="${id}"]`).getByLabel('Note');
    await note.focus();
    await page.keyboard.type('Fine if');
    // Another promise made meanwhile: the live feed redraws the queue with a row more.
    const other = await jonasPromisesErik('Archive claims to tape', 1);
    await page.locator(`#approval-queue tr[data-commitment="${other}"]`).waitFor();
    await page.keyboard.type(' Sven agrees');
    expect(await note.inputValue()).toBe('Fine if Sven agrees');
    expect(await page.evaluate(() => (document.activeElement as { id?: string } | null)?.id)).toBe(`note-${id}`);
  }, 60_000);

  it('keeps the keyboard on the Approve of the same commitment when another of the same summary is above it', async () => {
    await jonasPromisesErik('Print claims', 1);
    const second = await jonasPromisesErik('Print claims', 2);
    const { page } = await open(world.maria);
    await page.waitForSelector('#activity [data-live="live"]', { timeout: 10_000 });
    await page.locator(`#approval-queue tr[data-commitment="${second}"] button.approve`).focus();
    const other = await jonasPromisesErik('Print claims in colour', 1);
    await page.locator(`#approval-queue tr[data-commitment="${other}"]`).waitFor();
    // Enter now would approve the commitment the keyboard is on: it must be the one the manager chose.
    const focused = await page.evaluate(() => {
      const active = document.activeElement as { className: string; closest(s: string): { dataset: { commitment: string } } | null } | null;
      return { button: active?.className, commitment: active?.closest('tr')?.dataset.commitment };
    });
    expect(focused).toEqual({ button: 'approve', commitment: second });
  }, 60_000);

  it('decides a commitment once on a double click, and says it was decided', async () => {
    const id = await jonasPromisesErik('Print a claim as PDF', 4);
    const { page, requests } = await open(world.maria);
    const row = page.locator(`#approval-queue tr[data-commitment="${id}"]`);
    // A reject without a note is refused on the page, and the word why stays above the queue.
    await row.getByRole('button', { name: /^Reject/ }).click();
    await textWhen(page, '#approval-queue .decision-status', 'in its note first');
    expect(await page.evaluate(() => (document.activeElement as { id?: string } | null)?.id)).toBe(`note-${id}`);
    await row.getByRole('button', { name: /^Approve/ }).dblclick();
    await textWhen(page, '#approval-queue .decision-status', 'Approved');
    await row.waitFor({ state: 'detached' });
    await page.waitForTimeout(500); // a second decision, had one been sent, would answer by now
    expect(await page.locator('#approval-queue .decision-status').innerText()).toBe('Approved “Print a claim as PDF”.');
    expect(requests.filter((r) => r.body?.includes('ApproveCommitment'))).toHaveLength(1);
  }, 60_000);

  it('approves once when the first answer was lost and the manager clicks again: the same key, the first result', async () => {
    const id = await jonasPromisesErik('Sign a claim on the tablet', 2);
    const page = await world.newPage();
    // No live feed (its socket answers nothing): the queue keeps the row the answer was lost for, as when the feed is down too.
    await page.routeWebSocket(/\/graphql/, () => undefined);
    const bodies: string[] = [];
    page.on('request', (request) => bodies.push(request.postData() ?? ''));
    await page.goto(`${world.service.api.url}/portal#token=${world.maria}&project=${DEMO_PROJECT}`);
    let down = false;
    let lost = false;
    // The approval reaches the API, but its answer never reaches the page: the network went down, for the page's next asks too.
    await page.route('**/graphql', async (route) => {
      if (down) return route.abort('connectionreset');
      if (lost || !route.request().postData()?.includes('ApproveCommitment')) return route.continue();
      lost = true;
      await route.fetch();
      down = true;
      await route.abort('connectionreset');
    });
    const approve = page.locator(`#approval-queue tr[data-commitment="${id}"]`).getByRole('button', { name: /^Approve/ });
    await approve.click();
    await textWhen(page, '#approval-queue .decision-status', 'cannot be reached');
    down = false;
    await approve.click();
    await textWhen(page, '#approval-queue .decision-status', 'Approved “Sign a claim on the tablet”.');
    const keys = bodies
      .filter((body) => body.includes('ApproveCommitment'))
      .map((body) => (JSON.parse(body) as { variables: { input: { idempotencyKey: string } } }).variables.input.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const { history } = await world.service.graphql('query($id: ID!) { history(id: $id) { type } }', { id }, world.maria);
    expect(history.filter((event: { type: string }) => event.type === 'CommitmentApproved')).toHaveLength(1);
  }, 60_000);

  it('says a decision whose answer was lost is recorded once the API holds it, instead of asking to try again', async () => {
    const id = await jonasPromisesErik('Scan a claim with the camera', 2);
    const { page } = await open(world.maria);
    let lost = false;
    // The approval reaches the API, but its answer never reaches the page; the network holds for what the page asks next.
    await page.route('**/graphql', async (route) => {
      if (lost || !route.request().postData()?.includes('ApproveCommitment')) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page
      .locator(`#approval-queue tr[data-commitment="${id}"]`)
      .getByRole('button', { name: /^Approve/ })
      .click();
    await page.locator(`#approval-queue tr[data-commitment="${id}"]`).waitFor({ state: 'detached' });
    expect(await textWhen(page, '#approval-queue .decision-status', 'now')).toBe(
      '“Scan a claim with the camera” is approved now; the answer to your decision did not come back.',
    );
    const { commitment } = await world.service.graphql('query($id: ID!) { commitment(id: $id) { status } }', { id }, world.maria);
    expect(commitment.status).toBe('APPROVED');
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
