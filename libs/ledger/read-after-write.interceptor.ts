import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type Observable, from, switchMap } from 'rxjs';
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
    return from(readableAt(this.eventSourcing, BigInt(text))).pipe(switchMap(() => next.handle()));
  }
}

/**
 * A position past the log's head was never given out: refused at once instead of held for the
 * whole wait. The refusal does not say where the head is: that is how many events the whole
 * installation holds, and any caller may send the header. One not applied within the wait is
 * NOT_YET_READABLE, as a mutation's answer is: the read would not show it.
 */
export const readableAt = async (
  eventSourcing: Pick<EventSourcing, 'store' | 'runner'>,
  position: bigint,
  waitMs = MIN_POSITION_WAIT_MS,
): Promise<void> => {
  const head = await eventSourcing.store.headPosition();
  if (position > head) throw DomainError.badInput(MIN_POSITION_HEADER, 'is past the last event; send a position a mutation answered with');
  if (!(await eventSourcing.runner.waitFor(position, waitMs))) throw DomainError.notYetReadable(position, 'the read asked for');
};
