import type { Page } from 'playwright-core';
import { describeInChromium, textWhen } from '../harness/chromium.js';
import { seededPortal } from './seeded-portal.js';
import { wordsSplitAcrossLines } from './whole-words.js';

// What the page runs in its own context (the spec is compiled without the DOM's types).
declare const getComputedStyle: (element: unknown, pseudo: string) => { content: string };
declare const requestAnimationFrame: (callback: () => void) => void;
declare const document: { querySelector(selector: string): { scrollLeft: number; clientWidth: number; scrollWidth: number } | null };
interface Edged {
  getBoundingClientRect(): { left: number; right: number };
}
interface Box {
  scrollWidth: number;
  clientWidth: number;
  textContent: string | null;
}

/** How far each table's box would have to scroll sideways to show it whole (0: it fits). */
const overflowOf = (page: Page): Promise<number[]> =>
  page
    .locator('#approval-queue .scroll, #flagged-commitments .scroll, #perception-gaps .scroll')
    .evaluateAll((boxes) => (boxes as unknown as Box[]).map((box) => box.scrollWidth - box.clientWidth));

/** Two frames: a table that does not fit its box stacks on the frame after it was measured. */
const laidOut = (page: Page): Promise<void> =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

const TABLES = '#approval-queue table, #flagged-commitments table, #perception-gaps table';

/** The team's tables on a desktop and on a phone: whole words in their columns, every control in reach. */
describeInChromium('the tables of the /portal page in Chromium, on the seeded demo project', () => {
  const world = seededPortal('portal_tables');

  const openBoard = async (width: number) => {
    const { page } = await world.open(world.maria);
    await page.setViewportSize({ width, height: 900 });
    await textWhen(page, '#approval-queue', 'Bulk upload with OCR');
    await textWhen(page, '#perception-gaps', 'R2');
    await laidOut(page);
    return page;
  };

  it('keeps every word of a column whole on a 1280 px screen ("Developer" never reads "Deve loper"), each table within its panel', async () => {
    const page = await openBoard(1280);
    expect(await wordsSplitAcrossLines(page, TABLES)).toEqual([]);
    // A panel half the board wide stacks its table as a phone does, instead of hiding a column past its edge.
    expect(await overflowOf(page)).toEqual([0, 0, 0]);
    expect(
      await page
        .locator('#perception-gaps td[data-label="Assessed"]')
        .first()
        .evaluate((cell) => getComputedStyle(cell, '::before').content),
    ).toBe('"Assessed"');
  }, 60_000);

  it('stacks each row on a phone 390 px wide, each cell labelled with its column, whole words and the decision in view', async () => {
    const page = await openBoard(390);
    expect(await wordsSplitAcrossLines(page, TABLES)).toEqual([]);
    expect(await overflowOf(page)).toEqual([0, 0, 0]);
    const row = page.locator('#approval-queue tbody tr').first();
    // Each cell is a line of the row, its column's header beside it.
    const hours = row.locator('td[data-label="Hours"]');
    expect(await hours.innerText()).toBe('150 h');
    expect(await hours.evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"Hours"');
    for (const control of [
      row.getByLabel('Note'),
      row.getByRole('button', { name: /^Approve/ }),
      row.getByRole('button', { name: /^Reject/ }),
    ]) {
      const { x, width } = (await control.boundingBox())!;
      expect(x + width).toBeLessThanOrEqual(390);
    }
    // Still a table to a screen reader: a row of cells under their column headers.
    expect(await page.locator('#approval-queue').getByRole('columnheader', { name: 'Promised by' }).count()).toBe(1);
    expect(await row.getByRole('cell').count()).toBe(8);
  }, 60_000);

  it('stacks a table too wide for its box on a tablet, so the decision buttons stay in view, and lays it out again when wide', async () => {
    for (const width of [768, 820]) {
      const page = await openBoard(width);
      expect({ width, overflow: await overflowOf(page) }).toEqual({ width, overflow: [0, 0, 0] });
      const row = page.locator('#approval-queue tbody tr').first();
      for (const control of [row.getByRole('button', { name: /^Approve/ }), row.getByRole('button', { name: /^Reject/ })]) {
        const { x, width: controlWidth } = (await control.boundingBox())!;
        expect(x + controlWidth).toBeLessThanOrEqual(width);
      }
      await page.setViewportSize({ width: 1440, height: 900 });
      await laidOut(page);
      expect(await page.locator('#approval-queue table.stacks').count()).toBe(0);
    }
  }, 60_000);

  it('shows the newest months of the contact days on a phone, the names beside them, the older ones a scroll away', async () => {
    // Laid out wide first, where every month fits, then narrowed to a phone's width: the newest months come into view.
    const page = await openBoard(1440);
    await page.locator('#contact-days table').waitFor();
    await page.setViewportSize({ width: 390, height: 900 });
    // The box scrolls to its end once laid out at the phone's width; a box left short of it fails below.
    await page
      .waitForFunction(
        () => {
          const box = document.querySelector('#contact-days .scroll')!;
          return box.scrollLeft + box.clientWidth >= box.scrollWidth - 1;
        },
        undefined,
        { timeout: 5_000 },
      )
      .catch(() => undefined);
    const edges = await page.locator('#contact-days .scroll').evaluate((box) => {
      const [scroller, newest, names] = [box, box.querySelector('thead th:last-child'), box.querySelector('tbody th')].map((element) =>
        (element as unknown as Edged).getBoundingClientRect(),
      );
      return { scroller, newest, names, scrolled: (box as unknown as { scrollLeft: number }).scrollLeft };
    });
    expect(edges.scrolled).toBeGreaterThan(0);
    expect(edges.newest.right).toBeLessThanOrEqual(edges.scroller.right + 0.5);
    expect(edges.names.left).toBeCloseTo(edges.scroller.left, 0);
  }, 60_000);

  it("shows each request's whole title beside its first-response bar, on a desktop and on a phone", async () => {
    for (const width of [1440, 390]) {
      const page = await openBoard(width);
      await textWhen(page, '#first-responses', 'Photo upload');
      const labels = page.locator('#first-responses .bar-label');
      expect(await labels.count()).toBeGreaterThan(0);
      const cutOff = await labels.evaluateAll((spans) =>
        (spans as unknown as Box[]).filter((span) => span.scrollWidth > span.clientWidth).map((span) => span.textContent),
      );
      expect(cutOff).toEqual([]);
    }
  }, 60_000);
});
