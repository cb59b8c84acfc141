import type { Page } from 'playwright-core';
import { describeInChromium } from '../harness/chromium.js';
import { seededPortal } from './seeded-portal.js';

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
});
