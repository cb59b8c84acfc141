import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Caller } from '../caller.js';
import type { ViewerRoles } from '../customer-view/viewer-roles.js';

/** What an operation was charged against the caller's rate limit, decided at its first top-level field. */
export interface RateCharge {
  /** Its top-level fields, each one token. */
  fields: number;
  allowed: boolean;
  /** Undefined when the fields are more than a minute's tokens: waiting never lets them through. */
  retryAfterSeconds: number | undefined;
}

export interface LedgerRequest {
  headers: Record<string, string | string[] | undefined>;
  caller?: Caller;
  /**
   * Reads the caller's role in each of their projects afresh and keeps it in `viewerRoles`:
   * called after each top-level field has checked access (ViewerRolesInterceptor).
   */
  readViewerRoles?: () => Promise<ViewerRoles>;
  /** The roles as last read (undefined until read, and after a read failed). */
  viewerRoles?: ViewerRoles;
  /** What this operation was charged against the caller's rate limit (per request over HTTP, per operation over graphql-ws). */
  rateCharge?: RateCharge;
  /** Known once the roles are read: the caller is a CUSTOMER in none of their projects, so no field is hidden. */
  customerNowhere?: boolean;
}

/** The HTTP request behind a GraphQL operation or a controller call. */
export const requestOf = (context: ExecutionContext): LedgerRequest => {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: LedgerRequest }>().req;
  }
  return context.switchToHttp().getRequest<LedgerRequest>();
};
