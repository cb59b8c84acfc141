import type { EventSourcing } from './event-sourcing.service.js';
import { readableAt } from './read-after-write.interceptor.js';

/** An EventSourcing whose log ends at 10 and whose read models apply up to `applied`. */
const applyingUpTo = (applied: bigint) =>
  ({
    store: { headPosition: async () => 10n },
    runner: { waitFor: async (position: bigint) => position <= applied },
  }) as unknown as Pick<EventSourcing, 'store' | 'runner'>;

describe('x-min-position', () => {
  it('lets the read go on once the read models applied the position', async () => {
    await expect(readableAt(applyingUpTo(10n), 7n, 10)).resolves.toBeUndefined();
  });

  it('refuses the read NOT_YET_READABLE when they did not within the wait, never answering without it', async () => {
    await expect(readableAt(applyingUpTo(5n), 7n, 10)).rejects.toMatchObject({
      code: 'NOT_YET_READABLE',
      details: { position: '7' },
      message: 'Accepted at position 7, but the read asked for is not readable yet; read it again with x-min-position: 7',
    });
  });

  it('refuses a position past the head as bad input, naming the header', async () => {
    await expect(readableAt(applyingUpTo(10n), 11n, 10)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'x-min-position' },
    });
  });
});
