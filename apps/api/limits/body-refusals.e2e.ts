import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

/** Bodies refused before GraphQL reads them: each answered in the API's error shape, writing nothing. */
describe('a request body the API cannot read', () => {
  let portal: Portal;
  let token: string;
  beforeAll(async () => {
    portal = await startPortal();
    token = await portal.tokenFor('hal');
  });
  afterAll(() => portal.close());

  const projects = async (): Promise<unknown> => (await portal.graphql('{ projects { totalCount } }', {}, token)).data?.projects;
  const post = (body: string | Buffer, contentType = 'application/json'): Promise<Response> =>
    fetch(portal.url, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, body });
  const errorsOf = async (response: Response): Promise<unknown> => ((await response.json()) as { errors: unknown }).errors;
  const opening = JSON.stringify({
    query: 'mutation { openProject(input: { name: "aXXb", customerName: "C", budgetHours: 1 }) { project { id } } }',
  });

  it('answers a body that is not JSON with 400 and a GraphQL error saying so, writing nothing', async () => {
    const before = await projects();
    const response = await post(opening.slice(0, -3));
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual([
      { message: expect.stringMatching(/^The request body is not JSON: /), extensions: { code: 'BAD_REQUEST' } },
    ]);
    expect(before).toEqual({ totalCount: expect.any(Number) });
    expect(await projects()).toEqual(before);
  });

  it.each(['null', '3', '"query"', 'true'])(
    'answers the JSON value %s, which is no request, saying so rather than "not JSON"',
    async (body) => {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(await errorsOf(response)).toEqual([
        {
          message: 'The request body must be a JSON object holding the query, not a bare JSON value',
          extensions: { code: 'BAD_REQUEST' },
        },
      ]);
    },
  );

  it('refuses a body over 1 MB with 413, naming the limit', async () => {
    const response = await post(JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1_100_000) } }));
    expect(response.status).toBe(413);
    expect(await errorsOf(response)).toEqual([
      { message: 'The request body is over 1048576 bytes', extensions: { code: 'BAD_REQUEST', rule: 'maxBytes' } },
    ]);
  });

  it('refuses a body that is not UTF-8 with 400, writing nothing, where a decoder would have stored U+FFFD', async () => {
    const before = await projects();
    const [head, tail] = opening.split('XX');
    const response = await post(Buffer.concat([Buffer.from(head), Buffer.from([0xff, 0xfe]), Buffer.from(tail)]));
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual([{ message: 'The request body is not valid UTF-8', extensions: { code: 'BAD_REQUEST' } }]);
    expect(await projects()).toEqual(before);
  });

  it('refuses a body that opens with a UTF-16 byte-order mark for its encoding, echoing nothing of it', async () => {
    const response = await post(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(opening, 'utf16le')]));
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual([{ message: 'The request body is not valid UTF-8', extensions: { code: 'BAD_REQUEST' } }]);
  });

  it('refuses a charset it cannot decode with 415, naming it', async () => {
    const response = await post(opening, 'application/json; charset=latin9');
    expect(response.status).toBe(415);
    expect(await errorsOf(response)).toEqual([{ message: 'unsupported charset "LATIN9"', extensions: { code: 'BAD_REQUEST' } }]);
  });
});
