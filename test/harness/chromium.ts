import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';

/** Debian's chromium (CI installs it); a browser download of the test tool's own fails offline. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps dialling out of a closed network. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `describe`, or — when there is no Chromium — a skipped `describe` that says so out loud, so a
 * run without the browser cannot pass for a run with it.
 */
export const describeInChromium = (name: string, body: () => void): void => {
  if (existsSync(CHROMIUM)) return describe(name, body);
  process.stderr.write(
    `\n  SKIPPED "${name}": no Chromium at ${CHROMIUM}. Install Debian's package (apt-get install -y chromium), as .ci/run does, or set CHROMIUM_PATH.\n\n`,
  );
  describe.skip(name, body);
};

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile of its own, removed on close. */
export const launchChromium = async (): Promise<Chromium> => {
  const profile = mkdtempSync(join(tmpdir(), 'cf-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1440, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
};

/**
 * What Chromium refuses on the page and in its workers under the Content-Security-Policy, as it
 * reports each refusal on the console: a page that still works may have lost a style or a worker.
 */
export const policyRefusals = (page: Page): string[] => {
  const refusals: string[] = [];
  const note = (text: string) => (text.includes('Content Security Policy') ? refusals.push(text) : undefined);
  page.on('console', (message) => note(message.text()));
  page.on('worker', (worker) => worker.on('console', (message) => note(message.text())));
  return refusals;
};

// Functions passed to page.waitForFunction run in the page; the test's own types know no DOM.
declare const document: { querySelector(selector: string): { textContent: string | null } | null };

/** Waits until the element holds the text (15 s at most), then answers all of its text. */
export const textWhen = async (page: Page, selector: string, text: string): Promise<string> => {
  await page.waitForFunction(([s, t]) => document.querySelector(s)?.textContent?.includes(t), [selector, text] as const, {
    timeout: 15_000,
  });
  return page.locator(selector).innerText();
};
