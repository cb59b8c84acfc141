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
  [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)]
    .map((match) => match[1])
    .filter((path) => !path.startsWith('data:'));

describe('the pages the API serves', () => {
  let portal: Portal;
  let origin: string;
  beforeAll(async () => {
    portal = await startPortal();
    origin = portal.url.replace('/graphql', '');
  });
  afterAll(() => portal.close());

  const get = async (path: string): Promise<string> => {
    const response = await fetch(`${origin}${path}`, { headers: { accept: 'text/html' } });
    expect([path, response.status]).toEqual([path, 200]);
    return response.text();
  };

  it('/portal is built and served from this origin, with no address of another origin in its HTML, JS or CSS', async () => {
    const html = await get('/portal');
    const assets = assetsOf(html);
    expect(assets.sort()).toEqual(['/web/portal/portal-style.css', '/web/portal/portal.js']);
    const files = await Promise.all(assets.map(get));
    expect(files.every((file) => file.length > 1_000)).toBe(true);
    expect([html, ...files].flatMap(externalAddresses)).toEqual([]);
  });

  /**
   * GraphiQL's libraries carry documentation links and JSON-schema ids as strings in their
   * code; that none of them is fetched is shown in Chromium (graphql-console.browser.spec.ts).
   */
  it('/graphql in a browser is GraphiQL built and served from this origin, its HTML and CSS naming no other origin', async () => {
    const html = await get('/graphql');
    const assets = assetsOf(html);
    expect(assets.sort()).toEqual(['/web/console/console-page.css', '/web/console/console.css', '/web/console/console.js']);
    const files = await Promise.all(assets.map(get));
    expect(files.find((file, i) => assets[i].endsWith('.js'))).toContain('graphiql');
    expect([html, ...files.filter((file, i) => assets[i].endsWith('.css'))].flatMap(externalAddresses)).toEqual([]);
    for (const worker of ['editor', 'json', 'graphql'])
      expect((await get(`/web/console/${worker}.worker.js`)).length).toBeGreaterThan(1_000);
  });

  it('loads no inline script, so a strict Content-Security-Policy can hold', async () => {
    for (const path of ['/portal', '/graphql']) {
      const html = await get(path);
      expect([...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1].trim())).toEqual(['']);
    }
  });

  it('serves the pages without a token (they ask the user for one) and leaves GraphQL requests to the API', async () => {
    expect(await get('/portal/')).toContain('/web/portal/portal.js');
    const answer = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
