import { FORGOTTEN } from '@cf/core';
import { previousSecretValidUntil } from '../domain/secret-overlap.js';
import { stillSigning } from './delivery-attempt.js';

const rotatedAt = '2026-03-01T09:00:00.000Z';
const { previousSecretValidUntil: until } = previousSecretValidUntil(24, rotatedAt);
const end = Date.parse(until!);
const opened = { unseal: async <T>(value: T): Promise<T> => value };
const rotated = { previousSecret: 'whsec_old', previousSecretUntil: until! };

/** The secret a rotation replaced signs beside the new one until its window ends (rotateWebhookSecret's keepPreviousSecretHours). */
describe('a rotated-out secret signing a delivery', () => {
  it('signs just before its window ends', async () => {
    expect(await stillSigning(rotated, opened, new Date(end - 1))).toBe('whsec_old');
  });

  it('stops at the end of its window', async () => {
    expect(await stillSigning(rotated, opened, new Date(end))).toBeUndefined();
  });

  it('signs no more after it', async () => {
    expect(await stillSigning(rotated, opened, new Date(end + 1))).toBeUndefined();
  });

  it('compares moments, not how they are written', async () => {
    const withoutMilliseconds = { ...rotated, previousSecretUntil: '2026-03-02T09:00:00Z' };
    expect(await stillSigning(withoutMilliseconds, opened, new Date(end + 500))).toBeUndefined();
    const elsewhere = { ...rotated, previousSecretUntil: '2026-03-02T10:00:00.000+01:00' };
    expect(await stillSigning(elsewhere, opened, new Date(end - 1))).toBe('whsec_old');
  });

  it('signs nothing when there is no window or its key is lost', async () => {
    expect(await stillSigning({ previousSecret: null, previousSecretUntil: null }, opened, new Date(end - 1))).toBeUndefined();
    const lost = { unseal: async <T>(_value: T): Promise<T> => FORGOTTEN as T };
    expect(await stillSigning(rotated, lost, new Date(end - 1))).toBeUndefined();
  });
});
