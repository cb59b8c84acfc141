import { describeInChromium, textWhen } from '../harness/chromium.js';
import { DEMO_PROJECT } from './seeded-service.js';
import { seededPortal } from './seeded-portal.js';
import { wordsSplitAcrossLines } from './whole-words.js';

// What the page runs in its own context (the spec is compiled without the DOM's types).
declare const document: { dispatchEvent(event: unknown): boolean };
declare const Event: new (type: string) => unknown;

/** The page a CUSTOMER member sees: their own requests and commitments, what they were told, and nothing internal. */
describeInChromium('the /portal page of a customer in Chromium, on the seeded demo project', () => {
  const world = seededPortal('portal_customer');

  const { open } = world;

  /** The demo's contact of that name as a CUSTOMER member of the project, and a token for them. */
  const customer = async (userId: string, name: string): Promise<string> => {
    const { contacts } = await world.service.graphql(
      'query($p: ID!) { contacts(projectId: $p) { id name } }',
      { p: DEMO_PROJECT },
      world.maria,
    );
    const contact = contacts.find((c: { name: string }) => c.name === name);
    await world.service.send(
      'AddMember',
      { input: { projectId: DEMO_PROJECT, userId, name, role: 'CUSTOMER', contactId: contact.id } },
      world.maria,
    );
    return world.service.tokenFor(userId, name);
  };

  /** A new contact as a CUSTOMER member, told "on track" with `message` (no percentage) about the project's first request; their token. */
  const toldNewCustomer = async (userId: string, name: string, message: string): Promise<string> => {
    const input = { projectId: DEMO_PROJECT, name, role: 'END_USER', canApproveScope: false };
    const toldToId = (await world.service.send('RegisterContact', { input }, world.maria)).registerContact.contact.id;
    const token = await customer(userId, name);
    const { requests } = await world.service.send('Requests', { projectId: DEMO_PROJECT, first: 1 }, world.maria);
    const told = { projectId: DEMO_PROJECT, subjectId: requests.edges[0].node.id, toldStatus: 'ON_TRACK', toldToId, message };
    await world.service.send('ReportStatus', { input: told }, world.maria);
    return token;
  };

  it('shows a customer their own requests and commitments and no budget figure, on a phone too', async () => {
    const { page, requests } = await open(await customer('erik', 'Erik Enduser'));
    expect(await textWhen(page, '#your-commitments', 'Bulk upload with OCR')).toContain('150 h');
    expect(await textWhen(page, '#your-requests', 'Bulk upload of scanned letters')).toContain('about 150 h');
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/budget|reserve|550 h|410 h|140 h|\b10 h|authority|outside/i);
    expect(await page.locator('#budget, #approval-queue, #flagged-commitments, #perception-gaps').count()).toBe(0);
    const asked = requests.map((r) => r.body ?? '').join('\n');
    expect(asked).toContain('PortalCustomerCommitments');
    expect(asked).not.toMatch(/budget|dashboard|perceptionGaps|reasons|outsideBudget|Authority|contactDaysTarget|userId|members/);
    // On a phone the commitments stack, a line per column, no word split.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await wordsSplitAcrossLines(page, '#your-commitments table')).toEqual([]);
    expect(await page.locator('#your-commitments td[data-label="Estimate"]').first().innerText()).toBe('150 h');
  }, 60_000);

  it('shows a customer what they were told, and records their dispute with its note', async () => {
    const { page, requests } = await open(await customer('sven', 'Sven Decider'));
    const report = page.locator('#status-told li[data-report]').filter({ hasText: 'R2: Document upload' });
    expect(await textWhen(page, '#status-told', 'R2: Document upload')).toMatch(/on track, 60 %/);
    expect(await report.innerText()).toContain('You have not answered yet.');
    await report.getByLabel('Note').fill('The upload fails for every PDF');
    await report.getByRole('button', { name: /^Dispute/ }).click();
    await textWhen(page, '#status-told', 'You disputed it on');
    const { statusReports } = await world.service.send('StatusReports', { projectId: DEMO_PROJECT }, world.maria);
    const told = statusReports.find((r: { title: string }) => r.title.startsWith('R2: Document upload'));
    expect(told.acknowledgement).toMatchObject({ agrees: false, note: 'The upload fails for every PDF' });
    // The team sees the dispute where it compares what each contact was told with what it assesses.
    const team = await open(world.maria);
    const gap = team.page.locator('#perception-gaps tbody tr').filter({ hasText: 'R2: Document upload' });
    expect(await textWhen(team.page, '#perception-gaps', 'disputed by them')).toMatch(
      /1 gap between[\s\S]*, 1 disputed by the contact told\./,
    );
    expect(await gap.innerText()).toMatch(
      /on track, 60 %[\s\S]*to Sven Decider[\s\S]*disputed by them[\s\S]*The upload fails for every PDF/,
    );
    const asked = requests.map((r) => r.body ?? '').join('\n');
    expect(asked).not.toMatch(/budget|dashboard|perceptionGaps|reasons|outsideBudget|Authority|toldTo/);
  }, 60_000);

  it('shows a customer what they were told after the page opened, once they come back to it', async () => {
    const { page } = await open(await customer('fiona', 'Fiona Finance'));
    await page.locator('#status-told .panel-body:not([aria-busy])').waitFor();
    const { contacts } = await world.service.graphql(
      'query($p: ID!) { contacts(projectId: $p) { id name } }',
      { p: DEMO_PROJECT },
      world.maria,
    );
    const fiona = contacts.find((c: { name: string }) => c.name === 'Fiona Finance');
    const { requests } = await world.service.send('Requests', { projectId: DEMO_PROJECT, first: 1 }, world.maria);
    const subject = requests.edges[0].node;
    const told = { projectId: DEMO_PROJECT, subjectId: subject.id, toldStatus: 'AT_RISK', toldPercentComplete: 35, toldToId: fiona.id };
    await world.service.send('ReportStatus', { input: { ...told, message: 'Invoices slip a week' } }, world.maria);
    expect(await page.locator('#status-told').innerText()).not.toContain('at risk, 35 %');
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    expect(await textWhen(page, '#status-told', 'at risk, 35 %')).toContain('Invoices slip a week');
  }, 60_000);

  it('says an answer given already in another tab was given, not a refusal, and shows it', async () => {
    const token = await toldNewCustomer('gina', 'Gina Guest', 'Going well');
    const { page } = await open(token);
    const report = page.locator('#status-told li[data-report]').filter({ hasText: 'Going well' });
    expect(await textWhen(page, '#status-told', 'Going well')).toContain('You have not answered yet.');
    expect(await report.innerText()).toContain('on track — Going well'); // told no percentage: none shown
    const reportId = await report.getAttribute('data-report');
    await world.service.send('AcknowledgeStatus', { input: { reportId, agrees: true } }, token); // from another tab
    await report.getByRole('button', { name: /^Agree/ }).click();
    const status = await textWhen(page, '#status-told', 'You had already agreed with');
    expect(status).not.toMatch(/Could not send|nothing to change/);
    await textWhen(page, '#status-told', 'You agreed on'); // the tab shows the answer on record now
    expect(await report.innerText()).toMatch(/You agreed on \d{4}-\d{2}-\d{2}/);
  }, 60_000);

  it("writes the day of a status told on the reader's own clock, as the times beside it", async () => {
    const token = await toldNewCustomer('hana', 'Hana Early', 'Told in Kiribati');
    const { page } = await open(token);
    await textWhen(page, '#status-told', 'Told in Kiribati');
    const zone = 'Pacific/Kiritimati'; // UTC+14: its day is the UTC day's next from 10:00 UTC on
    await (await page.context().newCDPSession(page)).send('Emulation.setTimezoneOverride', { timezoneId: zone });
    await page.reload();
    const shown = await textWhen(page, '#status-told', 'Told in Kiribati');
    const { statusReports } = await world.service.send('StatusReports', { projectId: DEMO_PROJECT }, world.maria);
    const toldAt = statusReports.find((r: { message: string }) => r.message === 'Told in Kiribati').toldAt;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(toldAt),
    );
    expect(shown).toContain(`Told on ${day}: on track — Told in Kiribati`);
  }, 60_000);

  it("ends a removed customer's view at their next read, with the reason, instead of keeping what they saw", async () => {
    const { page } = await open(await customer('paula', 'Paula Proxy'));
    await page.locator('#your-requests .panel-body:not([aria-busy])').waitFor();
    const remove = { projectId: DEMO_PROJECT, userId: 'paula', reason: 'Contract ended' };
    await world.service.graphql(
      'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { position } }',
      { input: remove },
      world.maria,
    );
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const main = await textWhen(page, 'main', 'Your access to this project ended');
    expect(main).not.toMatch(/Try again|Your requests|Could not load/);
    expect(await page.locator('.load-failure, .board').count()).toBe(0);
  }, 60_000);
});
