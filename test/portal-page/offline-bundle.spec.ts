import { type Portal, startPortal } from '../harness/portal-harness.js';

/**
 * Identifiers that look like addresses but are never fetched: the SVG namespace the charts
 * are created in. Anything else with http(s):// in a page's files would be another origin.
 */
const NAMESPACES = ['http://www.w3.org/2000/svg'];

const externalAddresses = (text: string): string[] =>
  (text.match(/https?:\/\/[^\s"'`)<>]*/g) ?? []).filter((address) => !NAMESPACES.includes(address));

/** The scripts and stylesheets a page's HTML loads. */
const assetsOf = (html: string): string[] =>
  [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]).filter((path) => !path.startsWith('data:'));

describe('the /portal bundle', () => {
  let portal: Portal;
  let origin: string;
  beforeAll(async () => {
    portal = await startPortal();
    origin = portal.url.replace('/graphql', '');
  });
  afterAll(() => portal.close());

  it('is built and served from this origin, with no address of another origin in its HTML, JS or CSS', async () => {
    const page = await fetch(`${origin}/portal`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const assets = assetsOf(html);
    expect(assets.sort()).toEqual(['/web/portal/portal-style.css', '/web/portal/portal.js']);
    const files = await Promise.all(assets.map(async (path) => {
      const response = await fetch(`${origin}${path}`);
      expect(response.status).toBe(200);
      return response.text();
    }));
    expect(files.every((file) => file.length > 1_000)).toBe(true);
    expect([html, ...files].flatMap(externalAddresses)).toEqual([]);
  });

  it('loads no inline script, so a strict Content-Security-Policy can hold', async () => {
    const html = await (await fetch(`${origin}/portal`)).text();
    expect([...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1].trim())).toEqual(['']);
  });

  it('serves the page without asking for a token: the page asks the user for one', async () => {
    const response = await fetch(`${origin}/portal/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('/web/portal/portal.js');
  });
});
