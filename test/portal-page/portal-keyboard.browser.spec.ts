import type { Page } from 'playwright-core';
import { describeInChromium, textWhen } from '../harness/chromium.js';
import { DEMO_PROJECT } from './seeded-service.js';
import { seededPortal } from './seeded-portal.js';

// Functions passed to page.evaluate run in the page; the test's own types know no DOM.
declare const document: { activeElement: { id: string; tagName: string; textContent: string } | null };
declare const getComputedStyle: (element: unknown) => { outlineColor: string; outlineStyle: string; backgroundColor: string };

const focused = (page: Page): Promise<{ id: string; tagName: string; text: string } | null> =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element && { id: element.id, tagName: element.tagName, text: element.textContent };
  });

/** Refuses, as a network that is down would, every operation of the page named `operation`. */
const unreachableFor = async (page: Page, operation: string): Promise<void> => {
  await page.route('**/graphql', (route) => (route.request().postData()?.includes(operation) ? route.abort() : route.continue()));
};

/** WCAG's contrast ratio of two colours as getComputedStyle writes them (rgb(…)). */
const contrast = (one: string, other: string): number => {
  const luminance = (color: string): number => {
    const [r, g, b] = (color.match(/\d+/g) ?? []).slice(0, 3).map((part) => {
      const c = Number(part) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(one), luminance(other)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
};

/** The focus outline of what the keyboard is on, and the background of the nearest box that has one. */
const outlineAndGround = (page: Page) =>
  page.evaluate(() => {
    const focusedElement = document.activeElement as unknown as { parentElement: unknown };
    const { outlineColor: outline, outlineStyle: style } = getComputedStyle(focusedElement);
    // The outline is drawn around the element, on what is behind it.
    let element = focusedElement.parentElement as typeof focusedElement | null;
    let ground = 'rgba(0, 0, 0, 0)';
    while (element && ground === 'rgba(0, 0, 0, 0)') {
      ground = getComputedStyle(element).backgroundColor;
      element = element.parentElement as typeof element;
    }
    return { outline, ground, style };
  });

const UNREACHABLE = 'The service cannot be reached (the network, or the service restarting); try again in a moment.';

/** What a keyboard user and someone on a failing network meet: focus never lost to the top of the page, failures said in words. */
describeInChromium('the /portal page by keyboard and on a failing network, on the seeded demo project', () => {
  const world = seededPortal('portal_keyboard');
  const { open } = world;

  it('skips to the board and keeps the project open: the skip link moves the focus, not the address', async () => {
    const { page } = await open(world.maria);
    await textWhen(page, '#flagged-commitments', 'Bulk upload with OCR');
    await page.keyboard.press('Tab');
    expect((await focused(page))?.text).toBe('Skip to the project');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ id: 'main' });
    expect(new URL(page.url()).hash).toBe(`#project=${DEMO_PROJECT}`);
    await page.waitForTimeout(300); // a board replaced by "Choose a project" would be by now
    expect(await page.locator('#flagged-commitments').count()).toBe(1);
  }, 60_000);

  it('draws the focus outline at 3:1 or more against the panel and against the dark bar at the top', async () => {
    const { page } = await open(world.maria);
    await textWhen(page, '#approval-queue', 'Bulk upload with OCR');
    // Reached by the keyboard, as :focus-visible draws it: Tab away and back.
    const byKeyboard = async (selector: string) => {
      await page.locator(selector).first().focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      return outlineAndGround(page);
    };
    const inPanel = await byKeyboard('#approval-queue button');
    expect(inPanel.style).toBe('solid');
    expect(contrast(inPanel.outline, inPanel.ground)).toBeGreaterThanOrEqual(3);
    const onTop = await byKeyboard('.top a, .top button');
    expect(onTop.style).toBe('solid');
    expect(contrast(onTop.outline, onTop.ground)).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('leaves the keyboard on the project after signing in, not at the top of the page', async () => {
    const page = await world.newPage();
    await page.goto(`${world.service.api.url}/portal`);
    await page.locator('#token').fill(world.maria);
    await page.keyboard.press('Enter');
    await textWhen(page, '#flagged-commitments', 'Bulk upload with OCR');
    await page.waitForFunction(() => document.activeElement?.id === 'main', undefined, { timeout: 5_000 });
  }, 60_000);

  it('keeps the keyboard in the month box as the arrow keys step the contact days back, month by month', async () => {
    const { page } = await open(world.maria);
    await textWhen(page, '#contact-days', 'Jonas Developer');
    const box = page.locator('#contact-days-last-month');
    await box.focus();
    const shown = [await box.inputValue()];
    for (let step = 0; step < 2; step++) {
      await page.keyboard.press('ArrowDown');
      const month = await box.inputValue();
      expect(month).not.toBe(shown.at(-1));
      await page.waitForSelector(`#contact-days thead th:last-child[abbr="${month}"]`, { timeout: 15_000 });
      await page.waitForFunction(() => document.activeElement?.id === 'contact-days-last-month', undefined, { timeout: 5_000 });
      shown.push(month);
    }
    expect(new Set(shown).size).toBe(3);
  }, 60_000);

  it('says in words that the service cannot be reached, keeps the month box, and loads again on Try again', async () => {
    const { page } = await open(world.maria);
    await textWhen(page, '#contact-days', 'Jonas Developer');
    await unreachableFor(page, 'PortalContactDays');
    await page.locator('#contact-days-last-month').fill('2026-06');
    const failure = await textWhen(page, '#contact-days .load-failure', 'Could not load');
    expect(failure).toContain(`Could not load: ${UNREACHABLE}`);
    expect(await page.locator('#contact-days-last-month').count()).toBe(1); // the controls stay, under the failure
    await page.unroute('**/graphql');
    await page.locator('#contact-days .load-failure button').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#contact-days thead th:last-child[abbr="2026-06"]', { timeout: 15_000 });
    expect(await page.locator('#contact-days .load-failure').count()).toBe(0);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H2', undefined, { timeout: 5_000 });
    expect((await focused(page))?.text).toBe('Contact days per developer');
  }, 60_000);

  it('leaves the keyboard on Approve when the decision cannot be sent, saying why in words', async () => {
    const { page } = await open(world.maria);
    const row = page.locator('#approval-queue tbody tr').first();
    await row.waitFor();
    await unreachableFor(page, 'ApproveCommitment');
    await row.getByRole('button', { name: /^Approve/ }).focus();
    await page.keyboard.press('Enter');
    expect(await textWhen(page, '#approval-queue .decision-status', 'Could not decide')).toContain(UNREACHABLE);
    expect((await focused(page))?.text).toMatch(/^Approve “Bulk upload with OCR/);
  }, 60_000);

  it('names each "Why" by its commitment and judgement, so a screen reader tells them apart', async () => {
    const { page } = await open(world.maria);
    await textWhen(page, '#flagged-commitments', 'Bulk upload with OCR');
    const names = await page.locator('#flagged-commitments summary, #approval-queue summary').allTextContents();
    expect(names).toContain('Why “Bulk upload with OCR by the end of March” was judged when made');
    expect(names).toContain('Why “Bulk upload with OCR by the end of March” stands today');
    expect(new Set(names).size).toBe(names.length / 2); // the same promise in both tables, each name once per table
  }, 60_000);
});
