import { jest } from '@jest/globals';
import { SignJWT } from 'jose';
import { LONGEST_TOKEN_CHARACTERS, bearerTokenOf, requireUnexpiredToken, signToken, verifyToken } from './jwt.js';

const secret = 'a'.repeat(32);

describe('bearer tokens', () => {
  it('are refused without an expiry (exp), saying so', async () => {
    const token = await new SignJWT({ name: 'Dana' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-7')
      .sign(new TextEncoder().encode(secret));
    await expect(verifyToken(secret, token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('no expiry (exp)'),
    });
  });

  it('are refused with a hint when the header line was pasted as the token', async () => {
    const token = await signToken(secret, { userId: 'u-7', name: 'Dana' });
    await expect(verifyToken(secret, `Authorization: Bearer ${token}`)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('token alone'),
    });
  });

  it('carry the user id and name', async () => {
    const token = await signToken(secret, { userId: 'u-7', name: 'Dana' });
    expect(await verifyToken(secret, token)).toEqual({ actor: { userId: 'u-7', name: 'Dana' }, expiresAtMs: expect.any(Number) });
  });

  it('are refused with a blank user id, or a user id or name longer than every event may carry, and never made so', async () => {
    const signed = (sub: string, name: string) =>
      new SignJWT({ name })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(secret));
    for (const [sub, name, says] of [
      ['  ', 'Dana', 'names no user'],
      ['u'.repeat(201), 'Dana', 'at most 200'],
      ['u-7', 'D'.repeat(201), 'at most 200'],
    ]) {
      await expect(verifyToken(secret, await signed(sub, name))).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: expect.stringContaining(says),
      });
      await expect(signToken(secret, { userId: sub, name })).rejects.toMatchObject({ message: expect.stringContaining(says) });
    }
    const unnamed = await signed('u-7', '  ');
    expect((await verifyToken(secret, unnamed)).actor).toEqual({ userId: 'u-7', name: 'u-7' });
  });

  it('are refused, naming the claim, when a claim is not text that every event may carry', async () => {
    // A sub of the claims is signed as it is, text or not; without one, the token names u-7.
    const signed = (claims: Record<string, unknown>) =>
      new SignJWT({ sub: 'u-7', ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(secret));
    for (const [claims, says] of [
      [{ name: 'a\u0000b' }, "token's name must not contain NUL"],
      [{ name: 'a\ud800b' }, "token's name must be well-formed Unicode"],
      [{ sub: 'u\u0000' }, "token's sub must not contain NUL"],
      [{ sub: 'mgr\t' }, "token's sub must not contain control characters (tab and line breaks included)"],
      [{ sub: ' mgr' }, "token's sub must not begin or end with a space"],
      [{ name: 'Mia\nEVIL' }, "token's name must not contain control characters (tab and line breaks included)"],
      [{ name: 'Mia\rX' }, "token's name must not contain control characters"],
      [{ name: { first: 'Dana' } }, "token's name must be text"],
      [{ name: ['Dana'] }, "token's name must be text"],
      [{ sub: 123 }, "token's sub must be text"],
      [{ sub: ['u-7'] }, "token's sub must be text"],
    ] as const) {
      await expect(verifyToken(secret, await signed(claims))).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: expect.stringContaining(says),
      });
    }
    // No name at all, null included, is the user id's.
    expect((await verifyToken(secret, await signed({ name: null }))).actor).toEqual({ userId: 'u-7', name: 'u-7' });
  });

  it('are read from an Authorization header whose scheme is Bearer in any case, and from no other', () => {
    for (const header of ['Bearer t.k.n', 'bearer t.k.n', 'BEARER  t.k.n ']) expect(bearerTokenOf(header)).toBe('t.k.n');
    for (const header of [undefined, 42, 'Basic dTpw', 'Bearert.k.n', 't.k.n', 'Bearer ', 'Bearer    '])
      expect(bearerTokenOf(header)).toBeUndefined();
  });

  it('are refused, and never made, when they expire more than a year ahead', async () => {
    const farAhead = await new SignJWT({ name: 'Dana' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-7')
      .setExpirationTime(1e11)
      .sign(new TextEncoder().encode(secret));
    await expect(verifyToken(secret, farAhead)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('more than 366 days ahead'),
    });
    await expect(signToken(secret, { userId: 'u-7', name: 'Dana' }, '2y')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await verifyToken(secret, await signToken(secret, { userId: 'u-7', name: 'Dana' }, '1y'))).actor.userId).toBe('u-7');
  });

  it('are refused, naming the claim, when not valid yet (nbf) or with a time that is not a number', async () => {
    const signed = (claims: Record<string, unknown>) =>
      new SignJWT({ name: 'Dana', exp: Math.floor(Date.now() / 1000) + 3_600, ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u-7')
        .sign(new TextEncoder().encode(secret));
    await expect(verifyToken(secret, await signed({ nbf: Math.floor(Date.now() / 1000) + 3_600 }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('not valid yet: its nbf'),
    });
    for (const claim of ['nbf', 'iat', 'exp']) {
      await expect(verifyToken(secret, await signed({ [claim]: 'soon' }))).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: `The bearer token's ${claim} must be a time in seconds since 1970 (a NumericDate)`,
      });
    }
  });

  it('are refused when longer than any this service makes, which the longest claims still fit', async () => {
    const longest = await signToken(secret, { userId: '𝔘'.repeat(200), name: '𝔑'.repeat(200) }, '366d');
    expect(longest.length).toBeLessThan(LONGEST_TOKEN_CHARACTERS);
    await expect(verifyToken(secret, longest)).resolves.toMatchObject({ actor: { userId: '𝔘'.repeat(200) } });
    const padded = `${longest}${'A'.repeat(LONGEST_TOKEN_CHARACTERS)}`;
    await expect(verifyToken(secret, padded)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: `The bearer token is over ${LONGEST_TOKEN_CHARACTERS} characters; a token this service makes is far shorter`,
    });
  });

  it('are refused when signed with another secret', async () => {
    const token = await signToken('b'.repeat(32), { userId: 'u-7', name: 'Dana' });
    await expect(verifyToken(secret, token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('are refused when expired', async () => {
    const token = await signToken(secret, { userId: 'u-7', name: 'Dana' }, '-1s');
    await expect(verifyToken(secret, token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('are answered from memory until they expire, then refused', async () => {
    jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const token = await signToken(secret, { userId: 'u-8', name: 'Eve' }, '10s');
      expect((await verifyToken(secret, token)).actor).toEqual({ userId: 'u-8', name: 'Eve' });
      expect((await verifyToken(secret, token)).actor).toEqual({ userId: 'u-8', name: 'Eve' });
      await expect(verifyToken('b'.repeat(32), token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      jest.setSystemTime(Date.now() + 11_000);
      await expect(verifyToken(secret, token)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: expect.stringContaining('expired'),
      });
    } finally {
      jest.useRealTimers();
    }
  });

  it("says when a caller held on past their token's expiry: refused as a request with it would be", () => {
    const caller = { actor: { userId: 'u-7', name: 'Dana' }, correlationId: 'c', tokenExpiresAtMs: 1_000 };
    expect(() => requireUnexpiredToken(caller, 999)).not.toThrow();
    expect(() => requireUnexpiredToken(caller, 1_000)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => requireUnexpiredToken({ ...caller, tokenExpiresAtMs: undefined }, 1_000)).not.toThrow();
  });
});
