import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { DomainError } from '@cf/core';
import type { Caller } from '../caller.js';
import type { ViewerRoles } from '../customer-view/viewer-roles.js';
import { requestOf } from './request-of.js';

/** The authenticated caller of a resolver; the bearer guard has put it on the request. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = requestOf(context).caller;
  if (!caller) throw new DomainError('UNAUTHENTICATED', 'Send a bearer token: Authorization: Bearer <token>');
  return caller;
});

/**
 * The caller's roles in their projects as read after the operation's top-level field
 * (ViewerRolesInterceptor), so a nested field knows them without a read of its own; undefined
 * when they were not read (no projects context wired, or the read failed).
 */
export const ViewerRolesAsRead = createParamDecorator(
  (_: unknown, context: ExecutionContext): ViewerRoles | undefined => requestOf(context).viewerRoles,
);
