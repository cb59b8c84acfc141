import { callerOfRequest } from './caller-of-request.js';
import { signToken } from './jwt.js';
import type { LedgerRequest } from './request-of.js';

const secret = 'c'.repeat(32);

describe('the caller of an HTTP request', () => {
  it('is read from the first bearer token, with the request correlation id, and kept on the request', async () => {
    const token = await signToken(secret, { userId: 'u-7', name: 'Dana' });
    const request: LedgerRequest = { headers: { authorization: [`Bearer ${token}`, 'Bearer other'], 'x-correlation-id': 'corr-1' } };
    const caller = await callerOfRequest(secret, request);
    expect(caller).toEqual({ actor: { userId: 'u-7', name: 'Dana' }, correlationId: 'corr-1', tokenExpiresAtMs: expect.any(Number) });
    expect(request.caller).toBe(caller);
  });

  it('is not verified again once kept: the guard after the unguarded-operations limit reads the same caller', async () => {
    const token = await signToken(secret, { userId: 'u-7', name: 'Dana' });
    const request: LedgerRequest = { headers: { authorization: `Bearer ${token}` } };
    const first = await callerOfRequest(secret, request);
    // With another secret the token would not verify: the kept caller answers.
    expect(await callerOfRequest('d'.repeat(32), request)).toBe(first);
  });

  it('is refused, and nothing kept, without a token or with one that does not verify', async () => {
    const without: LedgerRequest = { headers: {} };
    await expect(callerOfRequest(secret, without)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('bearer token'),
    });
    const forged: LedgerRequest = {
      headers: { authorization: `Bearer ${await signToken('e'.repeat(32), { userId: 'u-8', name: 'Eve' })}` },
    };
    await expect(callerOfRequest(secret, forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect([without.caller, forged.caller]).toEqual([undefined, undefined]);
  });
});
