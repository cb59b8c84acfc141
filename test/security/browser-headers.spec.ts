import { type Portal, startPortal } from '../harness/portal-harness.js';

/** A Content-Security-Policy header as its directives: name → sources. */
const directivesOf = (policy: string | null): Record<string, string[]> =>
  Object.fromEntries(
    (policy ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );

describe('the headers a browser is given', () => {
  let portal: Portal;
  let origin: string;
  beforeAll(async () => {
    portal = await startPortal();
    origin = portal.url.replace('/graphql', '');
  });
  afterAll(() => portal.close());

  const get = async (path: string, accept = 'text/html'): Promise<Response> => {
    const response = await fetch(`${origin}${path}`, { headers: { accept } });
    await response.arrayBuffer();
    return response;
  };

  const policyOf = (response: Response) => directivesOf(response.headers.get('content-security-policy'));

  it.each(['/portal', '/graphql', '/web/portal/portal.js', '/web/console/graphql.worker.js', '/health', '/nonexist'])(
    '%s may not be framed, sniffed or named in a Referer',
    async (path) => {
      const response = await get(path);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(policyOf(response)).toMatchObject({ 'frame-ancestors': ["'none'"], 'base-uri': ["'none'"], 'default-src': ["'none'"] });
    },
  );

  it('lets each page run only its own scripts from this origin, never inline ones, and reach only this origin', async () => {
    for (const path of ['/portal', '/graphql']) {
      const policy = policyOf(await get(path));
      expect([path, policy['script-src'], policy['connect-src']]).toEqual([path, ["'self'"], ["'self'"]]);
      expect([
        path,
        Object.values(policy)
          .flat()
          .filter((source) => !/^('self'|'none'|'unsafe-inline'|data:)$/.test(source)),
      ]).toEqual([path, []]);
    }
    expect(policyOf(await get('/portal'))['style-src']).toEqual(["'self'"]);
    // GraphiQL's editor writes <style> elements at run time: styles only may be inline there.
    expect(policyOf(await get('/graphql'))).toMatchObject({ 'style-src': ["'self'", "'unsafe-inline'"], 'worker-src': ["'self'"] });
  });

  it("gives each page's bundles the page's policy (a worker runs under its script's), and an API answer the policy of nothing", async () => {
    expect(policyOf(await get('/web/console/graphql.worker.js'))).toEqual(policyOf(await get('/graphql')));
    expect(policyOf(await get('/web/portal/portal.js'))).toEqual(policyOf(await get('/portal')));
    const answer = await fetch(portal.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(Object.keys(policyOf(answer)).sort()).toEqual(['base-uri', 'default-src', 'form-action', 'frame-ancestors']);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
