import { type Server, createServer } from 'node:http';
import type { LookupAddress } from 'node:dns';
import { TargetHosts } from '../access/target-addresses.js';
import { checkedLookup, postDelivery } from './webhook-post.js';

const answering = (addresses: string[]) => async () => addresses;
const notResolving = async (): Promise<string[]> => {
  throw new Error('ENOTFOUND');
};

describe('posting a delivery only to an address judged at connect time', () => {
  let server: Server;
  let port: number;
  let received: string[];
  beforeAll(async () => {
    server = createServer((request, response) => {
      received.push(String(request.headers['x-ledger-delivery']));
      request.resume().on('end', () => response.writeHead(200).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  beforeEach(() => {
    received = [];
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const post = (host: string, allowPrivate: boolean, resolve: (host: string) => Promise<string[]>) =>
    postDelivery(
      { url: `http://${host}:${port}/hooks`, event: 'COMMITMENT_REJECTED', deliveryId: 'd-1', secret: 's', body: '{}' },
      { timeoutMs: 2_000, allowPrivate, resolve },
    );

  it('connects to the address the lookup judged', async () => {
    expect(await post('hooks.test', true, answering(['127.0.0.1']))).toEqual({ statusCode: 200, error: null });
    expect(received).toEqual(['d-1']);
  });

  it('keeps sending to a URL kept as written before registration refused fragments and spaces, as a parser reads it', async () => {
    const kept = (path: string) =>
      postDelivery(
        { url: `http://127.0.0.1:${port}${path}`, event: 'COMMITMENT_REJECTED', deliveryId: path, secret: 's', body: '{}' },
        { timeoutMs: 2_000, allowPrivate: true, resolve: answering(['127.0.0.1']) },
      );
    expect(await kept('/hook#prod')).toEqual({ statusCode: 200, error: null });
    expect(await kept('/a b')).toEqual({ statusCode: 200, error: null });
    expect(received).toEqual(['/hook#prod', '/a b']);
  });

  it('refuses a name that resolves to a private address when the connection is made, and sends nothing', async () => {
    expect(await post('hooks.test', false, answering(['127.0.0.1']))).toEqual({
      statusCode: null,
      error: 'hooks.test resolves to a private address',
    });
    expect((await post('hooks.test', false, answering(['93.184.216.34', '10.0.0.5']))).statusCode).toBeNull();
    expect(await post('127.0.0.1', false, answering(['93.184.216.34']))).toEqual({
      statusCode: null,
      error: expect.stringMatching(/^refused: .*private/),
    });
    expect(received).toEqual([]);
  });

  it('refuses a name that does not resolve, and sends nothing', async () => {
    expect(await post('hooks.test', true, notResolving)).toEqual({ statusCode: null, error: 'ENOTFOUND' });
    expect(received).toEqual([]);
  });

  it('answers the connection with the one address it judged, in either form a socket asks for', async () => {
    const lookup = checkedLookup(answering(['93.184.216.34', '93.184.216.35']), false);
    const one = await new Promise<unknown[]>((resolve) => lookup('hooks.test', {}, (...args: unknown[]) => resolve(args)));
    expect(one).toEqual([null, '93.184.216.34', 4]);
    const all = await new Promise<LookupAddress[]>((resolve) =>
      lookup('hooks.test', { all: true }, (_e: unknown, found: unknown) => resolve(found as LookupAddress[])),
    );
    expect(all).toEqual([{ address: '93.184.216.34', family: 4 }]);
  });
});

describe('the addresses a webhook URL is judged on at registration', () => {
  const hosts = (resolve: (host: string) => Promise<string[]>) => Object.assign(new TargetHosts(), { resolve });

  it('is null for a name that does not resolve, so the decider refuses it', async () => {
    expect(await hosts(notResolving).addressesOf('https://nowhere.example.com/')).toBeNull();
  });

  it('is the address itself when the URL names one, and what the name resolves to otherwise', async () => {
    expect(await hosts(notResolving).addressesOf('http://[fd00::1]:8080/')).toEqual(['fd00::1']);
    expect(await hosts(answering(['93.184.216.34'])).addressesOf('https://hooks.example.com./x')).toEqual(['93.184.216.34']);
  });
});
