import { PROJECTS } from './documents/navigation.js';
import { byId, h } from './elements.js';
import { GraphQLFailure } from './graphql-client.js';
import type { ProjectEntry } from './project-list.js';
import { type Session, forgetSession, fragmentOf, keepSession, restoreSession, showProject } from './session.js';
import { signInForm } from './sign-in.js';
import { SignedInPage } from './signed-in-page.js';

const main = byId('main');
const projectsNav = byId('projects');
const account = byId('account');

// The address keeps the project chosen ("#project=…"): the skip link moves the focus, never the address.
document.querySelector('a.skip')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

let page: SignedInPage | undefined;

const signIn = (problem?: string): void => {
  page?.end();
  page = undefined;
  // Signed out, only a link that brings a token of its own opens anything.
  window.onhashchange = () => {
    if (fragmentOf(location.hash).token) boot();
  };
  projectsNav.replaceChildren();
  account.replaceChildren();
  main.replaceChildren(
    signInForm((session) => {
      keepSession(session);
      // A token that ran out left its project in the address: the fresh one opens it again.
      void start({ ...session, projectId: session.projectId ?? fragmentOf(location.hash).projectId });
    }, problem),
  );
};

/**
 * Forgets the token kept in this tab, then asks for one. Signed out with a problem (a token the
 * API stopped accepting), the project stays in the address; signed out by the user, nothing does,
 * so Back opens nothing.
 */
const signOut = (problem?: string): void => {
  forgetSession(problem !== undefined);
  signIn(problem);
};

const failed = (error: unknown): void => {
  if (error instanceof GraphQLFailure && error.code === 'UNAUTHENTICATED') return; // the client signed out already
  main.replaceChildren(
    h('h1', {}, 'Could not open the project'),
    h('p', { class: 'failure', role: 'alert' }, `Could not load: ${(error as Error).message}`),
  );
};

const start = async (session: Session): Promise<void> => {
  page?.end();
  const signedIn = (page = new SignedInPage(session, { main, projectsNav, signOut, failed }));
  account.replaceChildren(h('span', {}, session.name), h('button', { type: 'button', onclick: () => signOut() }, 'Sign out'));
  try {
    const { projects } = await signedIn.client.request<{ projects: { edges: { node: ProjectEntry }[] } }>(PROJECTS, { first: 100 });
    const list = projects.edges.map((edge) => edge.node);
    // With a single project there is nothing to choose.
    const projectId = session.projectId ?? (list.length === 1 ? list[0].id : undefined);
    if (page !== signedIn) return;
    if (projectId) showProject(projectId);
    window.onhashchange = () => {
      const fragment = fragmentOf(location.hash);
      if (fragment.token) return void boot();
      void signedIn.show(fragment.projectId);
    };
    signedIn.listed(list);
    await signedIn.show(projectId);
  } catch (error) {
    if (page === signedIn) failed(error);
  }
};

const boot = (): void => {
  const linked = fragmentOf(location.hash).token !== undefined;
  const session = restoreSession();
  if (session) void start(session);
  else signIn(linked ? 'The link carries no token the page can read. Paste one.' : undefined);
};

boot();
