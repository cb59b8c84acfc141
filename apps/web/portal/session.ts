import { bareToken } from '../bearer-token.js';

/** Who uses the page: the bearer token, the user it names, and the project chosen. */
export interface Session {
  token: string;
  userId: string;
  name: string;
  projectId?: string;
}

const TOKEN_KEY = 'ledger-portal-token';

/**
 * Reads the JWT's claims to greet the user and find their role. Unverified on purpose: the API
 * verifies every request, and a forged token here only shows its bearer a FORBIDDEN page.
 */
export const claimsOf = (token: string): { userId: string; name: string } | undefined => {
  try {
    const payload = token.split('.')[1].replaceAll('-', '+').replaceAll('_', '/');
    const claims = JSON.parse(atob(payload)) as { sub?: unknown; name?: unknown };
    if (typeof claims.sub !== 'string') return undefined;
    return { userId: claims.sub, name: typeof claims.name === 'string' ? claims.name : claims.sub };
  } catch {
    return undefined;
  }
};

/** `#token=…&project=…` as the parts given. */
export const fragmentOf = (hash: string): { token?: string; projectId?: string } => {
  const parameters = new URLSearchParams(hash.replace(/^#/, ''));
  return { token: parameters.get('token') ?? undefined, projectId: parameters.get('project') ?? undefined };
};

export const sessionOf = (token: string, projectId?: string): Session | undefined => {
  const claims = claimsOf(bareToken(token));
  return claims && { token: bareToken(token), ...claims, projectId };
};

/**
 * The session at load: a token in the fragment wins over one kept from earlier in this tab.
 * The token leaves the address bar at once (a fragment is never sent to the server, but an
 * address is copied, bookmarked and shared); only the project stays in it.
 */
export const restoreSession = (): Session | undefined => {
  const fragment = fragmentOf(location.hash);
  const token = fragment.token ?? sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  if (fragment.token) showProject(fragment.projectId);
  const session = token ? sessionOf(token, fragment.projectId) : undefined;
  if (session) sessionStorage.setItem(TOKEN_KEY, session.token);
  return session;
};

export const keepSession = (session: Session): void => sessionStorage.setItem(TOKEN_KEY, session.token);

/** Forgets the token; the project stays in the address only where a token ran out, for the next one to open. */
export const forgetSession = (keepProject = false): void => {
  sessionStorage.removeItem(TOKEN_KEY);
  if (!keepProject) showProject(undefined);
};

/** The chosen project in the address, so a reload or a shared link opens it. */
export const showProject = (projectId: string | undefined): void =>
  history.replaceState(null, '', projectId ? `#project=${encodeURIComponent(projectId)}` : location.pathname);
