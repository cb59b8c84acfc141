import { describeInChromium, textWhen } from '../harness/chromium.js';
import { DEMO_PROJECT } from './seeded-service.js';
import { seededPortal } from './seeded-portal.js';

/** Lists longer than a page: every row can be reached, the newest promise as much as the first. */
describeInChromium('lists of the /portal page longer than a page, in Chromium, on the seeded demo project', () => {
  const world = seededPortal('portal_page_turns');

  it('turns the approval queue to the next hundred, where the newest promise is decided, and back', async () => {
    const pendingNow = async (): Promise<number> =>
      (await world.service.send('Commitments', { projectId: DEMO_PROJECT, filter: { status: 'PENDING_APPROVAL' } }, world.maria))
        .commitments.totalCount;
    // Enough promises waiting to fill the first page, then the newest, which falls on the second.
    for (let i = (await pendingNow()) + 1; i <= 100; i++) await world.jonasPromisesErik(`Small promise ${i}`, 1);
    const newest = await world.jonasPromisesErik('Mobile app for adjusters', 4);
    const total = await pendingNow();
    const { page } = await world.open(world.maria);
    await textWhen(page, '#approval-queue', `Page 1: 100 of ${total} commitments waiting for approval.`);
    expect(await page.locator(`#approval-queue tr[data-commitment="${newest}"]`).count()).toBe(0);
    // Clicked twice before the next page is drawn, it turns one page, not two.
    await page.locator('#approval-queue').getByRole('button', { name: 'Next 100' }).dblclick();
    const row = page.locator(`#approval-queue tr[data-commitment="${newest}"]`);
    await row.waitFor();
    await textWhen(page, '#approval-queue', `Page 2: ${total - 100} of ${total}`);
    await row.getByRole('button', { name: /^Approve “Mobile app for adjusters/ }).click();
    // Its page emptied, the queue shows the page before it, which now holds every row left: no empty list.
    await page.locator(`#approval-queue tr[data-commitment="${newest}"]`).waitFor({ state: 'detached' });
    await page
      .locator('#approval-queue tr[data-commitment]')
      .nth(total - 2)
      .waitFor();
    expect(await page.locator('#approval-queue tr[data-commitment]').count()).toBe(total - 1);
    expect(await page.locator('#approval-queue button', { hasText: /Next 100|Earlier 100/ }).count()).toBe(0);
    const { commitment } = await world.service.graphql('query($id: ID!) { commitment(id: $id) { status } }', { id: newest }, world.maria);
    expect(commitment.status).toBe('APPROVED');
  }, 120_000);

  it('turns the flagged commitments, whose figures count active promises, to the next hundred, rejected ones listed', async () => {
    // The oldest promise made without authority that still stands, so that it is on the first page.
    const standing = await world.service.send(
      'Commitments',
      { projectId: DEMO_PROJECT, filter: { madeWithoutAuthority: true, active: true } },
      world.maria,
    );
    const rejected = standing.commitments.edges[0].node.id;
    await world.service.send('RejectCommitment', { input: { commitmentId: rejected, note: 'Not this year' } }, world.maria);
    const flagged = await world.service.graphql(
      'query($p: ID!) { commitments(projectId: $p, filter: { flagged: true }, first: 500) { totalCount edges { node { id } } } }',
      { p: DEMO_PROJECT },
      world.maria,
    );
    const total = flagged.commitments.totalCount;
    // The first test's promises, each made without authority, fill more than a page of the list.
    expect(total).toBeGreaterThan(100);
    const newest = flagged.commitments.edges[total - 1].node.id;
    const { page } = await world.open(world.maria);
    await page.locator(`#flagged-commitments tr[data-commitment="${rejected}"]`).waitFor();
    await textWhen(page, '#flagged-commitments', 'Rejected and withdrawn promises are listed too, since the customer heard them');
    await textWhen(page, '#flagged-commitments', `Page 1: 100 of ${total} flagged commitments.`);
    expect(await page.locator(`#flagged-commitments tr[data-commitment="${newest}"]`).count()).toBe(0);
    await page.locator('#flagged-commitments').getByRole('button', { name: 'Next 100' }).click();
    await page.locator(`#flagged-commitments tr[data-commitment="${newest}"]`).waitFor();
    await textWhen(page, '#flagged-commitments', `Page 2: ${total - 100} of ${total} flagged commitments.`);
    expect(await page.locator(`#flagged-commitments tr[data-commitment="${rejected}"]`).count()).toBe(0);
  }, 60_000);
});
