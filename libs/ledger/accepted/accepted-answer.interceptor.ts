import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type Observable, catchError } from 'rxjs';
import { DomainError, isDomainError } from '@cf/core';
import { requestOf } from '../auth/request-of.js';
import { acceptedAt } from './accepted-at.js';

/**
 * A mutation whose command is in the log never answers as if nothing happened: a failure after
 * the append (the store's connection lost while waiting for the read models or reading the
 * answer back) is answered NOT_YET_READABLE with the position, as a slow read model is, instead
 * of INTERNAL_SERVER_ERROR, after which a client would send it again and record it twice.
 * A refusal (a DomainError) is answered as it is.
 */
@Injectable()
export class AcceptedAnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    return next.handle().pipe(
      catchError((error: unknown) => {
        const position = isDomainError(error) ? undefined : acceptedAt(requestOf(context)?.caller);
        throw position === undefined ? error : DomainError.notYetReadable(position, 'its answer');
      }),
    );
  }
}
