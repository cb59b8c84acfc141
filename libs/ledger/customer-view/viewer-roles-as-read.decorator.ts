import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { requestOf } from '../auth/request-of.js';
import type { ViewerRoles } from './viewer-roles.js';

/**
 * The caller's roles in their projects as read after the operation's top-level field
 * (ViewerRolesInterceptor), so a nested field knows them without a read of its own; undefined
 * when they were not read (no projects context wired, or the read failed).
 */
export const ViewerRolesAsRead = createParamDecorator(
  (_: unknown, context: ExecutionContext): ViewerRoles | undefined => requestOf(context).viewerRoles,
);
