import type { Page } from 'playwright-core';
import { describeInChromium, textWhen } from '../harness/chromium.js';
import { DEMO_PROJECT } from './seeded-service.js';
import { seededPortal } from './seeded-portal.js';

// Functions passed to page.evaluate run in the page; the test's own types know no DOM.
declare const location: { hash: string };
declare const document: { activeElement: { id: string } | null };

/** The month the contact-days map ends at when nobody chose one: the current one, as the page reads it (UTC). */
const thisMonth = (): string => new Date().toISOString().slice(0, 7);

/** Three months before this one: a month the picker can move to that is surely not its default. */
const threeMonthsAgo = (): string => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1)).toISOString().slice(0, 7);
};

/** The GraphQL operation a request body names: `query Name(` or `mutation Name(`. */
const operationOf = (body: string): string => /(?:query|mutation)\s+(\w+)/.exec(JSON.parse(body).query)?.[1] ?? '(unnamed)';

/** The team's board on a project just opened beside the demo: nothing registered yet, and what it takes along from the demo. */
describeInChromium('the /portal board of a new project in Chromium, beside the seeded demo', () => {
  const world = seededPortal('portal_new_project');

  /** A project Maria opens now: she is its manager and only member, and it has no contact yet. */
  const newProject = async (name: string): Promise<string> => {
    const { openProject } = await world.service.send(
      'OpenProject',
      { input: { name, customerName: 'Nordlicht Versicherung', budgetHours: 80 } },
      world.maria,
    );
    return openProject.project.id;
  };

  /** Opens a project as Maria, listing the GraphQL operations the page sends from then on. */
  const open = async (projectId: string): Promise<{ page: Page; operations: string[] }> => {
    const page = await world.newPage();
    const operations: string[] = [];
    page.on('request', (request) => {
      const body = request.postData();
      if (request.url().endsWith('/graphql') && body) operations.push(operationOf(body));
    });
    await page.goto(`${world.service.api.url}/portal#token=${world.maria}&project=${projectId}`);
    return { page, operations };
  };

  it('says a project with no contacts has none yet, instead of that every department was met', async () => {
    const { page } = await open(await newProject('Claims intake pilot'));
    const panel = page.locator('#uncontacted-departments .panel-body:not([aria-busy])');
    expect(await panel.innerText()).toBe('The project has no contacts yet, so no department to meet.');
  }, 60_000);

  it('leaves the keyboard on the project chosen from the list, and says why one does not open', async () => {
    await newProject('Broker portal');
    const { page } = await open(DEMO_PROJECT);
    await textWhen(page, '#project-name', 'Claims portal');
    await page.locator('#projects a', { hasText: 'Broker portal' }).focus();
    await page.keyboard.press('Enter');
    await textWhen(page, '#project-name', 'Broker portal');
    await page.waitForFunction(() => document.activeElement?.id === 'main', undefined, { timeout: 5_000 });
    await page.evaluate(() => (location.hash = '#project=01900000-0000-7000-8000-00000000ffff'));
    expect(await textWhen(page, 'main', 'Could not load')).toMatch(
      /^Could not open the project\s+Could not load: Project 01900000-0000-7000-8000-00000000ffff does not exist$/,
    );
  }, 60_000);

  it('reloads only the contact-days map on a month change, and starts another project at this month', async () => {
    const empty = await newProject('Adjuster app');
    const { page, operations } = await open(DEMO_PROJECT);
    await textWhen(page, '#contact-days', 'Jonas Developer');
    await page.waitForSelector('#main [aria-busy]', { state: 'detached' }); // every panel has answered: what follows is the month's
    const month = threeMonthsAgo();
    const before = operations.length;
    await page.locator('#contact-days-last-month').fill(month);
    await page.waitForSelector(`#contact-days thead th:last-child[abbr="${month}"]`, { timeout: 15_000 });
    await page.waitForTimeout(500); // a reload of the other panels, had one been asked, would have gone out by now
    expect(operations.slice(before)).toEqual(['PortalContactDays']);
    // Cleared (a part deleted while typing), nothing reloads; left so, the box shows the map's month again, never a blank box beside it.
    await page.locator('#contact-days-last-month').fill('');
    await page.locator('#contact-days-last-month').blur();
    expect(await page.locator('#contact-days-last-month').inputValue()).toBe(month);
    expect(await page.locator('#contact-days thead th:last-child').getAttribute('abbr')).toBe(month);
    expect(operations.slice(before)).toEqual(['PortalContactDays']);
    await page.evaluate((project) => (location.hash = `#project=${project}`), empty);
    await textWhen(page, '#project-name', 'Adjuster app');
    await page.waitForSelector('#contact-days-last-month');
    expect(await page.locator('#contact-days-last-month').inputValue()).toBe(thisMonth());
  }, 60_000);
});
