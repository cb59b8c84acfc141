import type { StoreClaim } from '@cf/event-store';
import { holdStoreAlone } from './store-claim.js';

/** Each step answers as given (an Error is thrown); `asked` records the steps in their order. */
const steps = (alone: boolean | Error, leads: boolean | Error) => {
  const asked: string[] = [];
  const answer = async (step: string, given: boolean | Error): Promise<boolean> => {
    asked.push(step);
    if (given instanceof Error) throw given;
    return given;
  };
  const claim: StoreClaim = {
    share: () => answer('share', true),
    takeAlone: () => answer('takeAlone', alone),
    release: async () => void asked.push('release'),
    held: () => false,
    otherSecretMarks: async () => [],
  };
  return { claim, lead: () => answer('lead', leads), asked };
};

describe('holding a store alone, then its projections', () => {
  it('keeps the claim when both are taken', async () => {
    const { claim, lead, asked } = steps(true, true);
    await expect(holdStoreAlone(claim, lead)).resolves.toBe(true);
    expect(asked).toEqual(['takeAlone', 'lead']);
  });

  it('asks for no leadership while the store is served', async () => {
    const { claim, lead, asked } = steps(false, true);
    await expect(holdStoreAlone(claim, lead)).resolves.toBe(false);
    expect(asked).toEqual(['takeAlone', 'release']);
  });

  it('gives the claim back when the leadership is refused', async () => {
    const { claim, lead, asked } = steps(true, false);
    await expect(holdStoreAlone(claim, lead)).resolves.toBe(false);
    expect(asked).toEqual(['takeAlone', 'lead', 'release']);
  });

  it.each([
    ['taking the store', steps(new Error('ENOENT'), true), ['takeAlone', 'release']],
    ['taking the leadership', steps(true, new Error('ENOENT')), ['takeAlone', 'lead', 'release']],
  ])('gives the claim back when %s throws, and throws on', async (_label, { claim, lead, asked }, expected) => {
    await expect(holdStoreAlone(claim, lead)).rejects.toThrow('ENOENT');
    expect(asked).toEqual(expected);
  });
});
