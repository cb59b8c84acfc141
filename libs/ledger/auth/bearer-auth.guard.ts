import { type CanActivate, type ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@cf/core';
import type { LedgerConfig } from '../config/ledger-config.js';
import { JWT_SECRET, LEDGER_CONFIG } from '../ledger.tokens.js';
import { VIEWER_ROLES, type ViewerRoles, type ViewerRolesOf } from '../customer-view/viewer-roles.js';
import { reportRateLimited } from '../telemetry/rate-limited.js';
import { correlationIdOf } from './correlation-id.js';
import { RateLimiter } from './rate-limiter.js';
import { verifyToken } from './jwt.js';
import { IS_PUBLIC } from './public.decorator.js';
import { requestOf } from './request-of.js';

const header = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** Every operation is authenticated by a bearer token; roles are checked later, per project. */
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
    if (request.caller) return true;
    const authorization = header(request.headers.authorization);
    if (!authorization?.startsWith('Bearer ')) {
      throw new DomainError('UNAUTHENTICATED', 'Send a bearer token: Authorization: Bearer <token>');
    }
    const actor = await verifyToken(this.secret, authorization.slice('Bearer '.length).trim());
    if (!this.limiter.take(actor.userId)) {
      reportRateLimited();
      throw new DomainError('RATE_LIMITED', 'Too many operations; slow down and retry in a few seconds');
    }
    request.caller = { actor, correlationId: correlationIdOf(request) };
    const rolesOf = this.rolesOf;
    if (rolesOf) {
      let roles: Promise<ViewerRoles> | undefined;
      request.viewerRoles = () => (roles ??= rolesOf(actor.userId));
    }
    return true;
  }
}
