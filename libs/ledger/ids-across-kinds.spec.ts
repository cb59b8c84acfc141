import type { EventSourcing } from './event-sourcing.service.js';
import { IdsAcrossKinds } from './ids-across-kinds.js';

/** A log holding the given streams, each with one event. */
const logWith = (streams: string[]) =>
  ({ store: { lastIndexOf: async (stream: string) => (streams.includes(stream) ? 0 : -1) } }) as unknown as EventSourcing;

describe('a chosen id of no other kind', () => {
  const refusal = { code: 'BAD_USER_INPUT', details: { field: 'id' } };

  it("refuses a webhook's id, an entity's found by its context's lookup, and not the kind's own companions", async () => {
    const ids = new IdsAcrossKinds(logWith(['webhook-w1', 'budget-p1', 'request-r1']));
    for (const kind of ['commitment', 'baseline', 'statusReport', 'webhookDelivery']) {
      ids.findsEntitiesWithoutStream(kind, async (id) => id === `${kind}-1`);
    }
    await expect(ids.requireIdOfNoOtherKind('project', 'w1')).rejects.toMatchObject(refusal);
    await expect(ids.requireIdOfNoOtherKind('project', 'r1')).rejects.toMatchObject(refusal);
    await expect(ids.requireIdOfNoOtherKind('project', 'commitment-1')).rejects.toMatchObject(refusal);
    await expect(ids.requireIdOfNoOtherKind('project', 'statusReport-1')).rejects.toMatchObject(refusal);
    await expect(ids.requireIdOfNoOtherKind('project', 'webhookDelivery-1')).rejects.toMatchObject(refusal);
    await expect(ids.requireIdOfNoOtherKind('project', 'p1')).resolves.toBeUndefined();
    await expect(ids.requireIdOfNoOtherKind('project', 'fresh')).resolves.toBeUndefined();
  });

  it('refuses a name-based id (version 5), which the service derives and anyone could work out before it exists', async () => {
    const ids = new IdsAcrossKinds(logWith([]));
    await expect(ids.requireIdOfNoOtherKind('project', '6ba7b810-9dad-51d1-80b4-00c04fd430c8')).rejects.toMatchObject({
      ...refusal,
      message: expect.stringContaining('version 5'),
    });
  });

  it('gives no answer where a kind without a stream of its own has no lookup registered', async () => {
    await expect(new IdsAcrossKinds(logWith([])).requireIdOfNoOtherKind('project', 'fresh')).rejects.toThrow(
      /no lookup registered for commitment/,
    );
  });
});
