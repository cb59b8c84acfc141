import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type Observable, from, switchMap } from 'rxjs';
import { type GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { DomainError } from '@cf/core';
import { requestOf } from './auth/request-of.js';
import { EventSourcing } from './event-sourcing.service.js';

export const MIN_POSITION_HEADER = 'x-min-position';
export const MIN_POSITION_WAIT_MS = 5_000;

/**
 * Read-your-writes across instances: a client that wrote through one instance sends the
 * mutation's `position` as `x-min-position` to another; the operation then waits (at most
 * MIN_POSITION_WAIT_MS) until this instance's read models have applied it.
 */
@Injectable()
export class ReadAfterWriteInterceptor implements NestInterceptor {
  constructor(private readonly eventSourcing: EventSourcing) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const raw = requestOf(context)?.headers?.[MIN_POSITION_HEADER];
    if (raw === undefined) return next.handle();
    const text = Array.isArray(raw) ? raw[0] : raw;
    if (!/^\d{1,30}$/.test(text)) throw DomainError.badInput(MIN_POSITION_HEADER, 'must be a position as a decimal string');
    // A mutation decides on the log, not on the read models: one that waited in vain goes on (a refusal would
    // read as accepted, NOT_YET_READABLE, though nothing was done), and answers as it always does.
    const mutation =
      context.getType<GqlContextType>() === 'graphql' &&
      GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>().operation.operation === 'mutation';
    return from(readableAt(this.eventSourcing, BigInt(text), MIN_POSITION_WAIT_MS, { refuseUnread: !mutation })).pipe(
      switchMap(() => next.handle()),
    );
  }
}

/**
 * A position past the log's head was never given out: refused at once instead of held for the
 * whole wait. The refusal does not say where the head is: that is how many events the whole
 * installation holds, and any caller may send the header. One not applied within the wait is
 * NOT_YET_READABLE for a read, as a mutation's answer is: the read would not show it.
 */
export const readableAt = async (
  eventSourcing: Pick<EventSourcing, 'store' | 'runner'>,
  position: bigint,
  waitMs = MIN_POSITION_WAIT_MS,
  { refuseUnread }: { refuseUnread: boolean } = { refuseUnread: true },
): Promise<void> => {
  const head = await eventSourcing.store.headPosition();
  if (position > head) throw DomainError.badInput(MIN_POSITION_HEADER, 'is past the last event; send a position a mutation answered with');
  const applied = await eventSourcing.runner.waitFor(position, waitMs);
  if (!applied && refuseUnread) throw DomainError.notYetReadable(position, 'the read asked for');
};
