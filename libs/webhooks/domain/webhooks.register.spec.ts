import type { WebhookCommand } from './webhooks.decide.js';
import { register, registered, spec } from './webhooks.spec-fixtures.js';

const refusedUrl = (command: WebhookCommand): void => {
  const error = spec.given([]).when(command).thenThrows('BAD_USER_INPUT');
  expect(error.details.field).toBe('url');
};

describe('webhooks decider: RegisterWebhook', () => {
  it('registers a webhook with its events in their listed order and its secret', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it('keeps a description, trimmed', () => {
    spec
      .given([])
      .when(register({ description: '  the ops channel ' }))
      .then([{ ...registered, data: { ...registered.data, description: 'the ops channel' } }]);
  });

  it('refuses a URL that is not http or https', () => {
    refusedUrl(register({ url: 'ftp://hooks.example.com/ledger' }));
    refusedUrl(register({ url: 'not a url' }));
  });

  it('refuses port 0, where no receiver can listen, and ports above 65535, saying so, private targets allowed or not', () => {
    for (const url of [
      'https://hooks.example.com:0/ledger',
      'http://127.0.0.1:0/x',
      'http://127.0.0.1:65536/x',
      'https://[2001:db8::1]:99999',
    ]) {
      const error = spec
        .given([])
        .when(register({ url, allowPrivate: true }))
        .thenThrows('BAD_USER_INPUT');
      expect({ url, message: error.message }).toEqual({ url, message: 'url: must name a port from 1 to 65535' });
    }
    refusedUrl(register({ url: 'https://hooks.example.com:0/ledger' }));
  });

  it('refuses private, loopback and link-local hosts, written or resolved', () => {
    for (const url of [
      'http://127.0.0.1:8080/',
      'http://10.1.2.3/',
      'http://192.168.0.10/',
      'http://169.254.169.254/latest',
      'http://[::1]/',
      'http://localhost/',
      'http://[fd00::1]/',
    ]) {
      refusedUrl(register({ url, resolvedAddresses: [] }));
    }
    refusedUrl(register({ url: 'https://intranet.example.com/', resolvedAddresses: ['172.20.0.4'] }));
  });

  it('refuses the IPv6 forms that carry a private IPv4 address, site-local, benchmarking and protocol ranges, and names with a trailing dot', () => {
    for (const url of [
      'http://[64:ff9b::a00:1]/',
      'http://[2002:7f00:1::1]/',
      'http://[::127.0.0.1]/',
      'http://[::ffff:0:127.0.0.1]/',
      'http://[::ffff:7f00:1]/',
      'http://[fec0::1]/',
      'http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/',
      'http://[2001:2::1]/',
      'http://[2001::1]/',
      'http://198.18.0.1/',
      'http://198.19.255.1/',
      'http://192.0.0.8/',
      'http://localhost./',
      'http://db.internal./',
    ]) {
      refusedUrl(register({ url, resolvedAddresses: [] }));
    }
    refusedUrl(register({ url: 'https://hooks.example.com/', resolvedAddresses: ['64:ff9b::a9fe:a9fe'] }));
    spec
      .given([])
      .when(register({ url: 'https://hooks.example.com./ledger' }))
      .then([
        { ...registered, data: { ...registered.data, url: 'https://hooks.example.com./ledger', origin: 'https://hooks.example.com.' } },
      ]);
  });

  it('keeps the URL as it is posted to, and refuses what a parser would drop or rewrite unseen', () => {
    for (const [written, posted] of [
      ['HTTPS://Hooks.Example.COM/Ledger', 'https://hooks.example.com/Ledger'],
      ['https:/hooks.example.com/ledger', 'https://hooks.example.com/ledger'],
      ['https://hooks.example.com', 'https://hooks.example.com/'],
    ]) {
      spec
        .given([])
        .when(register({ url: written }))
        .then([{ ...registered, data: { ...registered.data, url: posted, origin: 'https://hooks.example.com' } }]);
    }
    for (const url of ['https://hooks.example.com/a\nb', 'https://hooks.example.com/a\tb', 'https://hooks.example.com/a b']) {
      const error = spec.given([]).when(register({ url })).thenThrows('BAD_USER_INPUT', undefined, 'url');
      expect(error.message).toBe('url: must not hold spaces, tabs, line breaks or other control characters (a space in a path is %20)');
    }
    expect(
      spec
        .given([])
        .when(register({ url: 'https://hooks.example.com/x#top' }))
        .thenThrows('BAD_USER_INPUT').message,
    ).toBe('url: must not carry a fragment (#…): it is never sent to the receiver');
  });

  it('refuses a host name that did not resolve: what it would reach cannot be judged', () => {
    refusedUrl(register({ url: 'https://nowhere.example.com/', resolvedAddresses: null }));
  });

  it('allows private hosts when the installation allows them', () => {
    spec
      .given([])
      .when(register({ url: 'http://127.0.0.1:8080/hook', allowPrivate: true }))
      .then([{ ...registered, data: { ...registered.data, url: 'http://127.0.0.1:8080/hook', origin: 'http://127.0.0.1:8080' } }]);
  });

  it('refuses no events, unknown events and an event named twice, naming the field', () => {
    expect(
      spec
        .given([])
        .when(register({ events: ['COMMITMENT_REJECTED', 'COMMITMENT_REJECTED'] }))
        .thenThrows('BAD_USER_INPUT').message,
    ).toBe('events: lists the same event twice');
    expect(
      spec
        .given([])
        .when(register({ events: [] }))
        .thenThrows('BAD_USER_INPUT').details.field,
    ).toBe('events');
    expect(
      spec
        .given([])
        .when(register({ events: ['SOMETHING'] }))
        .thenThrows('BAD_USER_INPUT').details.field,
    ).toBe('events');
  });

  it('registers a webhook once', () => {
    spec.given([registered]).when(register()).thenThrows('RULE_VIOLATED', 'alreadyExists');
  });
});
