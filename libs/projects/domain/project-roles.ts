import { DomainError } from '@cf/core';
import type { ProjectRole } from './projects.events.js';

/**
 * The role, when it is one of `roles`; FORBIDDEN otherwise. Neither the project's name nor its id:
 * a caller who named a request or a commitment did not send the project's id, and a refusal names
 * only ids the caller sent.
 */
export const allowedRole = (role: ProjectRole | undefined, roles: readonly ProjectRole[], action: string): ProjectRole =>
  role !== undefined && roles.includes(role) ? role : refuse(role, roles, action);

const refuse = (role: ProjectRole | undefined, roles: readonly ProjectRole[], action: string): never => {
  if (role === undefined) throw DomainError.forbidden('You are not a member of the project', 'projectMember');
  throw DomainError.forbidden(
    `${/^[AEIOU]/.test(role) ? 'An' : 'A'} ${role} may not ${action}; it takes ${roles.join(' or ')}`,
    'roleAllowed',
  );
};
