import type { Page } from 'playwright-core';
import { type Chromium, launchChromium, policyRefusals } from '../harness/chromium.js';
import { DEMO_PROJECT, type SeededService, startSeededService } from './seeded-service.js';

/** A request the browser made: its address and body (null for a WebSocket's upgrade). */
export interface PageRequest {
  url: string;
  body: string | null;
}

/** Chromium and the seeded demo service for one spec file, with Maria's token (a manager of the demo). */
export interface SeededPortal {
  service: SeededService;
  browser: Chromium;
  maria: string;
  /** A new page: closed after the test, which fails if its Content-Security-Policy refused anything. */
  newPage(): Promise<Page>;
  /** A new page on the demo project as the token's user, recording every request the browser makes. */
  open(token: string): Promise<{ page: Page; requests: PageRequest[] }>;
  /** Jonas, a developer of the demo, promises Erik, one of its contacts, some work; it waits for a manager's approval. Answers its id. */
  jonasPromisesErik(summary: string, estimateHours: number): Promise<string>;
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
    open: async (token: string) => {
      const page = await world.newPage();
      const requests: PageRequest[] = [];
      page.on('request', (request) => requests.push({ url: request.url(), body: request.postData() }));
      page.on('websocket', (socket) => requests.push({ url: socket.url(), body: null }));
      await page.goto(`${world.service.api.url}/portal#token=${token}&project=${DEMO_PROJECT}`);
      return { page, requests };
    },
    jonasPromisesErik: async (summary: string, estimateHours: number) => {
      const { contacts } = await world.service.graphql(
        'query($p: ID!) { contacts(projectId: $p) { id name } }',
        { p: DEMO_PROJECT },
        world.maria,
      );
      const erik = contacts.find((c: { name: string }) => c.name === 'Erik Enduser');
      const jonas = await world.service.tokenFor('jonas', 'Jonas Developer');
      const { makeCommitment } = await world.service.send(
        'MakeCommitment',
        { input: { projectId: DEMO_PROJECT, summary, madeToId: erik.id, estimateHours } },
        jonas,
      );
      return makeCommitment.commitment.id;
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
