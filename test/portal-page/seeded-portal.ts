import type { Page } from 'playwright-core';
import { type Chromium, launchChromium, policyRefusals } from '../harness/chromium.js';
import { type SeededService, startSeededService } from './seeded-service.js';

/** Chromium and the seeded demo service for one spec file, with Maria's token (a manager of the demo). */
export interface SeededPortal {
  service: SeededService;
  browser: Chromium;
  maria: string;
  /** A new page: closed after the test, which fails if its Content-Security-Policy refused anything. */
  newPage(): Promise<Page>;
}

/** Started before the file's tests (one after the other: a browser beside a failed service would outlive the run), stopped after. */
export const seededPortal = (storeName: string): SeededPortal => {
  const opened: Page[] = [];
  const refusals: string[][] = [];
  const world = {
    newPage: async () => {
      const page = await world.browser.context.newPage();
      opened.push(page);
      refusals.push(policyRefusals(page));
      return page;
    },
  } as SeededPortal;
  beforeAll(async () => {
    world.browser = await launchChromium();
    world.service = await startSeededService(storeName);
    world.maria = await world.service.tokenFor('maria', 'Maria Manager');
  }, 90_000);
  afterAll(async () => {
    await world.browser?.close();
    await world.service?.stop();
  });
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close();
    expect(refusals.splice(0).flat()).toEqual([]);
  });
  return world;
};
