import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Caller } from '../caller.js';

export interface LedgerRequest {
  headers: Record<string, string | string[] | undefined>;
  caller?: Caller;
}

/** The HTTP request behind a GraphQL operation or a controller call. */
export const requestOf = (context: ExecutionContext): LedgerRequest => {
  if (context.getType<string>() === 'graphql') {
    return (GqlExecutionContext.create(context).getContext<{ req: LedgerRequest }>()).req;
  }
  return context.switchToHttp().getRequest<LedgerRequest>();
};
