import { type CanActivate, type ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { JWT_SECRET, USER_RATE_LIMITER } from '../ledger.tokens.js';
import { VIEWER_ROLES, type ViewerRoles, type ViewerRolesOf } from '../customer-view/viewer-roles.js';
import { reportRateLimited } from '../telemetry/rate-limited.js';
import { topLevelFields } from '../graphql/top-level-fields.js';
import { callerOfRequest } from './caller-of-request.js';
import { type RateLimiter, userRateLimited } from './rate-limiter.js';
import { requireUnexpiredToken } from './jwt.js';
import { IS_PUBLIC } from './public.decorator.js';
import { type LedgerRequest, type RateCharge, requestOf } from './request-of.js';

const topLevelFieldsOf = (context: ExecutionContext): number => {
  if (context.getType<string>() !== 'graphql') return 1;
  const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
  return Math.max(1, topLevelFields(info.operation, info.fragments, info.variableValues).length);
};

/**
 * Every operation is authenticated by a bearer token; roles are checked later, per project.
 * The guard runs once for each top-level field, on every transport (graphql-ws authenticates
 * the socket, then each field comes through here too); each field counts one against the rate
 * limit, aliases and several fields in one operation too, charged for the whole operation at once.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_SECRET) private readonly secret: string,
    @Inject(USER_RATE_LIMITER) private readonly limiter: RateLimiter,
    @Optional() @Inject(VIEWER_ROLES) private readonly rolesOf?: ViewerRolesOf,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = requestOf(context);
    request.caller = await callerOfRequest(this.secret, request);
    // A graphql-ws socket's caller was verified when it connected: every operation on it asks again.
    requireUnexpiredToken(request.caller);
    // Per request over HTTP, per operation over graphql-ws (whose context copies the socket's request).
    request.readViewerRoles ??= this.viewerRolesReader(request, request.caller.actor.userId);
    request.rateCharge ??= this.charge(context, request.caller.actor.userId);
    if (!request.rateCharge.allowed) throw userRateLimited(request.rateCharge.fields, request.rateCharge.retryAfterSeconds);
    return true;
  }

  /**
   * An operation takes a token for each of its top-level fields, all at its first field or none:
   * one whose later fields were refused after the first ones ran still lost the tokens of those,
   * while the refusal nulled the whole answer, so the caller paid for data it never received.
   */
  private charge(context: ExecutionContext, userId: string): RateCharge {
    const fields = topLevelFieldsOf(context);
    const allowed = this.limiter.take(userId, fields);
    if (!allowed) reportRateLimited();
    return { fields, allowed, retryAfterSeconds: allowed ? 0 : this.limiter.secondsUntilNext(userId, fields) };
  }

  /** What reads the caller's roles afresh and keeps them on the request (none kept after a failed read). */
  private viewerRolesReader(request: LedgerRequest, userId: string): (() => Promise<ViewerRoles>) | undefined {
    const rolesOf = this.rolesOf;
    if (!rolesOf) return undefined;
    return async () => {
      try {
        const roles = await rolesOf(userId);
        request.viewerRoles = roles;
        request.customerNowhere = ![...roles.values()].some((grant) => grant.role === 'CUSTOMER');
        return roles;
      } catch (error) {
        // Older roles are not kept in place of the ones that could not be read.
        request.viewerRoles = undefined;
        request.customerNowhere = undefined;
        throw error;
      }
    };
  }
}
