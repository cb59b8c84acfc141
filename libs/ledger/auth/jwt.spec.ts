import { signToken, verifyToken } from './jwt.js';

const secret = 'a'.repeat(32);

describe('bearer tokens', () => {
  it('carry the user id and name', async () => {
    const token = await signToken(secret, { userId: 'u-7', name: 'Dana' });
    expect(await verifyToken(secret, token)).toEqual({ userId: 'u-7', name: 'Dana' });
  });

  it('are refused when signed with another secret', async () => {
    const token = await signToken('b'.repeat(32), { userId: 'u-7', name: 'Dana' });
    await expect(verifyToken(secret, token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('are refused when expired', async () => {
    const token = await signToken(secret, { userId: 'u-7', name: 'Dana' }, '-1s');
    await expect(verifyToken(secret, token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
