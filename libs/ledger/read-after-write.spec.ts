import type { EventSourcing } from './event-sourcing.service.js';
import type { ExecutionContext } from '@nestjs/common';
import { lastValueFrom, of } from 'rxjs';
import { ReadAfterWriteInterceptor, readableAt } from './read-after-write.interceptor.js';

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

  it('lets a mutation go on after the wait: it decides on the log, and a refusal would read as accepted', async () => {
    await expect(readableAt(applyingUpTo(5n), 7n, 10, { refuseUnread: false })).resolves.toBeUndefined();
  });

  it('refuses a position past the head as bad input, naming the header', async () => {
    await expect(readableAt(applyingUpTo(10n), 11n, 10)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'x-min-position' },
    });
  });
});

/** A GraphQL operation's context as Nest hands it to an interceptor: root, args, context (with the request) and info. */
const operationContext = (operation: 'query' | 'mutation'): ExecutionContext => {
  const args = [undefined, {}, { req: { headers: { 'x-min-position': '7' } } }, { operation: { operation } }];
  return {
    getType: () => 'graphql',
    getArgs: () => args,
    getArgByIndex: (index: number) => args[index],
    getClass: () => Object,
    getHandler: () => () => undefined,
  } as unknown as ExecutionContext;
};

describe('ReadAfterWriteInterceptor', () => {
  const interceptor = new ReadAfterWriteInterceptor(applyingUpTo(5n) as EventSourcing);
  const answer = (operation: 'query' | 'mutation') =>
    lastValueFrom(interceptor.intercept(operationContext(operation), { handle: () => of('answered') }));

  it('refuses a query whose position was not applied, and lets a mutation go on to its answer', async () => {
    await expect(answer('query')).rejects.toMatchObject({ code: 'NOT_YET_READABLE' });
    await expect(answer('mutation')).resolves.toBe('answered');
  });
});
