import { type CanActivate, type ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@cf/core';
import type { Caller } from '../caller.js';
import type { LedgerConfig } from '../config/ledger-config.js';
import { JWT_SECRET, LEDGER_CONFIG } from '../ledger.tokens.js';
import { VIEWER_ROLES, type ViewerRoles, type ViewerRolesOf } from '../customer-view/viewer-roles.js';
import { reportRateLimited } from '../telemetry/rate-limited.js';
import { correlationIdOf } from './correlation-id.js';
import { RateLimiter } from './rate-limiter.js';
import { bearerTokenOf, requireUnexpiredToken, verifyToken } from './jwt.js';
import { IS_PUBLIC } from './public.decorator.js';
import { type LedgerRequest, requestOf } from './request-of.js';

const header = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * Every operation is authenticated by a bearer token; roles are checked later, per project.
 * The guard runs once for each top-level field, on every transport (graphql-ws authenticates
 * the socket, then each field comes through here too), so each field takes one rate-limit
 * token: aliases and several fields in one operation count one by one.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_SECRET) private readonly secret: string,
    @Inject(LEDGER_CONFIG) config: LedgerConfig,
    @Optional() @Inject(VIEWER_ROLES) private readonly rolesOf?: ViewerRolesOf,
  ) {
    this.limiter = new RateLimiter(config.rateLimitPerMinute);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = requestOf(context);
    request.caller ??= await this.authenticate(request);
    // A graphql-ws socket's caller was verified when it connected: every operation on it asks again.
    requireUnexpiredToken(request.caller);
    // Per request over HTTP, per operation over graphql-ws (whose context copies the socket's request).
    request.readViewerRoles ??= this.viewerRolesReader(request, request.caller.actor.userId);
    if (!this.limiter.take(request.caller.actor.userId)) {
      reportRateLimited();
      const retryAfterSeconds = this.limiter.secondsUntilNext(request.caller.actor.userId);
      throw new DomainError('RATE_LIMITED', `Too many operations (each top-level field counts one); retry in ${retryAfterSeconds} s`, {
        rule: 'rateLimitPerMinute',
        retryAfterSeconds,
      });
    }
    return true;
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

  private async authenticate(request: LedgerRequest): Promise<Caller> {
    const token = bearerTokenOf(header(request.headers.authorization));
    if (token === undefined) throw new DomainError('UNAUTHENTICATED', 'Send a bearer token: Authorization: Bearer <token>');
    const { actor, expiresAtMs } = await verifyToken(this.secret, token);
    return { actor, correlationId: correlationIdOf(request), tokenExpiresAtMs: expiresAtMs };
  }
}
