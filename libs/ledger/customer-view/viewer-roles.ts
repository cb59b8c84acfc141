/** A caller's role in each of their projects, with the contact a CUSTOMER member is. */
export type ViewerRoles = ReadonlyMap<string, { role: string; contactId: string | null }>;

/** Provided by the projects context: the memberships of one user (one indexed read). */
export const VIEWER_ROLES = Symbol('VIEWER_ROLES');
export type ViewerRolesOf = (userId: string) => Promise<ViewerRoles>;
