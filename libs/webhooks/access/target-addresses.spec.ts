import { mayReach } from './target-addresses.js';

const resolvingTo = (...addresses: string[]) => async () => addresses;

describe('whether an attempt may reach a webhook URL', () => {
  it('reaches a host that resolves to public addresses', async () => {
    expect(await mayReach('https://hooks.example.com/x', false, resolvingTo('93.184.216.34'))).toBe(true);
  });

  it('does not reach a host pointed inside the network since it was registered, unless private targets are allowed', async () => {
    expect(await mayReach('https://hooks.example.com/x', false, resolvingTo('93.184.216.34', '10.0.0.5'))).toBe(false);
    expect(await mayReach('http://127.0.0.1:8080/x', false, resolvingTo())).toBe(false);
    expect(await mayReach('http://127.0.0.1:8080/x', true, resolvingTo())).toBe(true);
  });
});
