import { randomBytes } from 'node:crypto';
import type { NewEvent } from '@cf/event-store';
import type { KeyStore } from './key-store.js';
import { PersonalData } from './personal-data.service.js';
import { unsealDeep } from './sealing.js';

const keysHolding = (kept: Map<string, Buffer>): KeyStore => ({ find: async () => kept }) as unknown as KeyStore;
const acknowledged: NewEvent = {
  type: 'StatusAcknowledged',
  data: { acknowledgedBy: { userId: 'zeb', name: 'Zeb Login' }, agrees: false },
  metadata: { actor: { userId: 'zeb', name: 'Zeb Login' }, occurredAt: '2026-03-01T10:00:00.000Z', correlationId: 'c' },
};

describe("sealing a customer's name where an event records them acting", () => {
  it('seals it with the contact’s kept key', async () => {
    const key = randomBytes(32);
    const seal = await new PersonalData(keysHolding(new Map([['c-1', key]]))).sealerForCustomerName(
      { role: 'CUSTOMER', contactId: 'c-1' },
      'acknowledgedBy.name',
    );
    const [sealed] = seal!([acknowledged]);
    expect(JSON.stringify(sealed.data)).not.toContain('Zeb Login'); // the metadata's actor is not sealed: a known limit (README)
    expect(unsealDeep(sealed.data, new Map([['c-1', key]]))).toEqual(acknowledged.data);
  });

  it('writes [forgotten] when the contact’s key is gone, never the name in plain nor a new key', async () => {
    const seal = await new PersonalData(keysHolding(new Map())).sealerForCustomerName(
      { role: 'CUSTOMER', contactId: 'c-1' },
      'acknowledgedBy.name',
    );
    expect(seal!([acknowledged])[0].data.acknowledgedBy).toEqual({ userId: 'zeb', name: '[forgotten]' });
  });

  it('seals nothing for a member of the team, whose name is not a customer’s personal data', async () => {
    const personalData = new PersonalData(keysHolding(new Map()));
    expect(await personalData.sealerForCustomerName({ role: 'DEVELOPER', contactId: null }, 'confirmedBy.name')).toBeUndefined();
    expect(await personalData.sealerForCustomerName({ role: 'CUSTOMER', contactId: null }, 'confirmedBy.name')).toBeUndefined();
  });
});
