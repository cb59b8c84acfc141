import { type Chromium, describeInChromium, launchChromium, policyRefusals } from '../harness/chromium.js';
import { type SeededService, startSeededService } from './seeded-service.js';

// Functions passed to page.evaluate run in the page; the test's own types know no DOM.
declare const localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
declare const sessionStorage: { getItem(key: string): string | null };

describeInChromium('GraphiQL at /graphql in Chromium', () => {
  let service: SeededService;
  let browser: Chromium;

  beforeAll(async () => {
    // One after the other: a browser started beside a failed service would outlive the run.
    browser = await launchChromium();
    service = await startSeededService('graphql_console');
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('runs a query with a pasted Authorization line, explores the schema, completes fields and keeps history, all from this origin', async () => {
    const page = await browser.context.newPage();
    const addresses: string[] = [];
    page.on('request', (request) => addresses.push(request.url()));
    const refusals = policyRefusals(page);
    await page.goto(`${service.api.url}/graphql`);
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
    await page.getByLabel('Bearer token').fill(`Authorization: Bearer ${await service.tokenFor('maria', 'Maria Manager')}`);
    await page.getByRole('button', { name: /Execute query/ }).click();
    await page.locator('.graphiql-response').getByText('Claims portal').waitFor();

    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().click();
    await page.locator('.graphiql-doc-explorer').getByText('commitments', { exact: true }).first().waitFor();

    await page.locator('.graphiql-query-editor .monaco-editor').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n{ proj');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row').first().waitFor();
    expect(await page.locator('.suggest-widget .monaco-list-row').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^projects/)]),
    );

    await page.getByRole('button', { name: 'Show History' }).click();
    expect(await page.locator('.graphiql-history').innerText()).toContain('Projects');

    expect(addresses.filter((address) => new URL(address).host !== new URL(service.api.url).host)).toEqual([]);
    expect(addresses).toEqual(expect.arrayContaining([expect.stringMatching(/\/web\/console\/graphql\.worker\.js$/)]));
    expect(refusals).toEqual([]);
    await page.close();
  }, 60_000);

  it('keeps the token for the tab only, as the portal does, and drops one an earlier console left in localStorage', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => localStorage.setItem('ledger-token', 'left-by-an-earlier-console'));
    await page.goto(`${service.api.url}/graphql`);
    const tokenBox = page.getByLabel('Bearer token');
    expect(await tokenBox.inputValue()).toBe('');
    const token = await service.tokenFor('maria', 'Maria Manager');
    await tokenBox.fill(`Bearer ${token}`);
    const stored = () => page.evaluate(() => [localStorage.getItem('ledger-token'), sessionStorage.getItem('ledger-token')]);
    expect(await stored()).toEqual([null, token]);
    await page.reload();
    expect(await page.getByLabel('Bearer token').inputValue()).toBe(token);
    const otherTab = await browser.context.newPage();
    await otherTab.goto(`${service.api.url}/graphql`);
    expect(await otherTab.getByLabel('Bearer token').inputValue()).toBe('');
    await Promise.all([page.close(), otherTab.close()]);
  }, 60_000);
});
