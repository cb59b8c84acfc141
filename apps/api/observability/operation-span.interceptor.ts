import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { context as otelContext, trace } from '@opentelemetry/api';
import { Observable } from 'rxjs';
import { operationSpanOf } from './operation-span.js';

/**
 * Apollo's plugin hooks observe an operation but cannot wrap its execution, so the operation's
 * span is made active here, around each resolver: the spans of the command, the append and
 * the wait for projections then become its children.
 */
@Injectable()
export class OperationSpanInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const span = operationSpanOf(GqlExecutionContext.create(context).getContext<object>());
    if (!span?.isRecording()) return next.handle();
    const active = trace.setSpan(otelContext.active(), span);
    return new Observable((subscriber) => otelContext.with(active, () => next.handle().subscribe(subscriber)));
  }
}
