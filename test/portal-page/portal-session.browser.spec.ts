import { decodeJwt } from 'jose';
import { describeInChromium, textWhen } from '../harness/chromium.js';
import { DEMO_PROJECT } from './seeded-service.js';
import { seededPortal } from './seeded-portal.js';

// Functions passed to page.evaluate run in the page; the test's own types know no DOM.
declare const location: { hash: string };

/** How the page's session ends: by signing out, by a token that runs out, by losing the project. */
describeInChromium('the /portal session in Chromium', () => {
  const world = seededPortal('portal_session');

  /** Opens the demo project as the token's user; `sent` lists the bearer token of every request the page makes. */
  const open = async (token: string) => {
    const page = await world.newPage();
    const sent: string[] = [];
    page.on('request', (request) => sent.push(request.headers().authorization ?? ''));
    await page.goto(`${world.service.api.url}/portal#token=${token}&project=${DEMO_PROJECT}`);
    return { page, sent };
  };

  const makeCommitment = async (summary: string, estimateHours = 1) => {
    const { contacts } = await world.service.graphql(
      'query($p: ID!) { contacts(projectId: $p) { id name } }',
      { p: DEMO_PROJECT },
      world.maria,
    );
    const erik = contacts.find((c: { name: string }) => c.name === 'Erik Enduser');
    const { makeCommitment: made } = await world.service.send(
      'MakeCommitment',
      { input: { projectId: DEMO_PROJECT, summary, madeToId: erik.id, estimateHours } },
      world.maria,
    );
    return made.commitment.id as string;
  };

  it('keeps a "Why" open through a live update that redraws its table', async () => {
    const { page } = await open(world.maria);
    await textWhen(page, '#flagged-commitments', 'Bulk upload with OCR');
    await page.waitForSelector('#activity [data-live="live"]', { timeout: 10_000 });
    const why = page.locator('#flagged-commitments details').filter({ hasText: 'Bulk upload with OCR by the end of March” stands today' });
    await why.locator('summary').click();
    expect(await why.evaluate((details) => (details as unknown as { open: boolean }).open)).toBe(true);
    const outside = await makeCommitment('Made while a Why is read', 900); // outside the budget: flagged
    await textWhen(page, '#flagged-commitments', 'Made while a Why is read'); // the table was drawn anew
    expect(await why.evaluate((details) => (details as unknown as { open: boolean }).open)).toBe(true);
    // The demo's budget as the other tests of the page find it.
    await world.service.send('WithdrawCommitment', { input: { commitmentId: outside, note: 'Only to redraw the table' } }, world.maria);
  }, 60_000);

  it('keeps "suspect links" open when their count changes under it', async () => {
    // Every requirement of the demo: each was added once.
    const { requirementChanges } = await world.service.graphql(
      'query($p: ID!) { requirementChanges(projectId: $p) { requirement { id } } }',
      { p: DEMO_PROJECT },
      world.maria,
    );
    const linked: string[] = requirementChanges.map((change: { requirement: { id: string } }) => change.requirement.id);
    const [first, second] = [...new Set(linked)];
    const { contacts } = await world.service.graphql(
      'query($p: ID!) { contacts(projectId: $p) { id name } }',
      { p: DEMO_PROJECT },
      world.maria,
    );
    const erik = contacts.find((c: { name: string }) => c.name === 'Erik Enduser');
    const input = {
      projectId: DEMO_PROJECT,
      summary: 'Two links to review',
      madeToId: erik.id,
      estimateHours: 1,
      requirementIds: [first, second],
    };
    const { makeCommitment: made } = await world.service.send('MakeCommitment', { input }, world.maria);
    const revise = (requirementId: string) =>
      world.service.send(
        'ReviseRequirement',
        { input: { requirementId, text: `Revised: ${requirementId}`, reason: 'Clarified' } },
        world.maria,
      );
    await revise(first);
    const { page } = await open(world.maria);
    const suspect = page.locator(`#flagged-commitments tr[data-commitment="${made.commitment.id}"] [data-suspect]`);
    await textWhen(page, '#flagged-commitments', 'Two links to review');
    await page.waitForSelector('#activity [data-live="live"]', { timeout: 10_000 });
    await suspect.locator('summary').click();
    await revise(second);
    await textWhen(page, `#flagged-commitments tr[data-commitment="${made.commitment.id}"]`, '2 suspect links');
    expect(await suspect.evaluate((details) => (details as unknown as { open: boolean }).open)).toBe(true);
    await world.service.send(
      'WithdrawCommitment',
      { input: { commitmentId: made.commitment.id, note: 'Only to show the links' } },
      world.maria,
    );
  }, 60_000);

  it('ends on sign-out: the live feed closes, Back opens nothing, and the old token is sent no more', async () => {
    const { page, sent } = await open(world.maria);
    const sockets: { isClosed(): boolean }[] = [];
    page.on('websocket', (socket) => sockets.push(socket));
    await textWhen(page, '#budget', 'Reserve left');
    await page.evaluate(() => (location.hash = '#'));
    await textWhen(page, 'main', 'Choose a project');
    await page.evaluate((project) => (location.hash = `#project=${project}`), DEMO_PROJECT); // the board again, live
    await textWhen(page, '#budget', 'Reserve left');
    await page.waitForSelector('#activity [data-live="live"]', { timeout: 10_000 });
    await makeCommitment('Made just before sign-out'); // a reload of the board is now due
    await page.getByRole('button', { name: 'Sign out' }).click();
    await textWhen(page, '#sign-in-title', 'Sign in');
    const signedOutAt = sent.length;
    await page.goBack(); // to the list of projects
    await page.goBack(); // to the board first shown
    expect(new URL(page.url()).hash).toBe(`#project=${DEMO_PROJECT}`);
    await makeCommitment('Made after sign-out');
    await page.waitForTimeout(3_000); // what a board still following the project would have reloaded by now
    expect(await page.locator('#budget, #approval-queue').count()).toBe(0);
    expect(await page.locator('#sign-in-title').count()).toBe(1);
    expect(sent.slice(signedOutAt).filter((authorization) => authorization.includes(world.maria))).toEqual([]);
    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets.filter((socket) => !socket.isClosed())).toEqual([]);
  }, 60_000);

  it('goes back to sign-in, saying why, when the token runs out while the board is open', async () => {
    // Long enough for the board to open on a loaded machine before it runs out (its issue time is rounded down: up to 1 s less).
    const token = await world.service.tokenFor('maria', 'Maria Manager', '10s');
    const { page } = await open(token);
    await textWhen(page, '#budget', 'Reserve left');
    await page.waitForTimeout(Math.max(0, decodeJwt(token).exp! * 1_000 - Date.now()) + 250); // until it has run out
    await makeCommitment('Made after the token ran out'); // the live feed tells the page, which reloads its panels
    expect(await textWhen(page, '#sign-in-problem', 'did not accept that token')).toContain('expired');
    expect(await page.locator('#budget').count()).toBe(0);
    // The project stays in the address for the next token, and only the project.
    expect(new URL(page.url()).hash).toBe(`#project=${DEMO_PROJECT}`);
  }, 60_000);

  it('takes the board away, saying why, from a member removed while looking at it', async () => {
    await world.service.send(
      'AddMember',
      { input: { projectId: DEMO_PROJECT, userId: 'rita', name: 'Rita Reviewer', role: 'AUDITOR' } },
      world.maria,
    );
    const { page } = await open(await world.service.tokenFor('rita', 'Rita Reviewer'));
    await textWhen(page, '#flagged-commitments', 'Bulk upload with OCR');
    expect(await page.locator('.project-heading p').innerText()).toMatch(/· you are an auditor$/);
    await page.waitForSelector('#activity [data-live="live"]', { timeout: 10_000 });
    await world.service.graphql(
      'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { position } }',
      { input: { projectId: DEMO_PROJECT, userId: 'rita', reason: 'Audit done' } },
      world.maria,
    );
    await makeCommitment('Made after Rita left');
    expect(await textWhen(page, 'main', 'Your access to this project ended')).not.toContain('Bulk upload with OCR');
    // The list no longer offers the project: Rita belongs to no other.
    expect(await page.locator('#projects').innerText()).toContain('You are not a member of any project yet.');
  }, 60_000);
});
