import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type Observable, mergeMap } from 'rxjs';
import { requestOf } from '../auth/request-of.js';

/**
 * After each top-level field is resolved — its access checked, after any read-your-writes wait,
 * a mutation's read models caught up — and before the fields of its answer are: the caller's
 * roles are read, so the customer view decides each field of the answer as it is resolved
 * (instead of each one waiting on the read) on roles no older than the field's access check.
 * A subscription's are read when it starts.
 */
@Injectable()
export class ViewerRolesInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.getType<string>() === 'graphql' ? requestOf(context) : undefined;
    const readRoles = request?.readViewerRoles;
    if (!readRoles) return next.handle();
    return next.handle().pipe(
      mergeMap(async (answer: unknown) => {
        // A read of its own, begun after this field's access check. When it fails, the answer
        // still goes out (a mutation's position included): the view reads again for each field.
        await readRoles().catch(() => undefined);
        return answer;
      }),
    );
  }
}
