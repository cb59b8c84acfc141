import { PROJECTS } from './documents/navigation.js';
import { byId, h } from './elements.js';
import { GraphQLClient, GraphQLFailure } from './graphql-client.js';
import { type ProjectEntry, projectList } from './project-list.js';
import { openProject } from './project-page.js';
import { type Session, forgetSession, fragmentOf, keepSession, restoreSession, showProject } from './session.js';
import { signInForm } from './sign-in.js';

const main = byId('main');
const projectsNav = byId('projects');
const account = byId('account');

// The address keeps the project chosen ("#project=…"): the skip link moves the focus, never the address.
document.querySelector('a.skip')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

const EXPIRED = 'The API did not accept that token (expired, or signed with another secret). Paste a fresh one.';

/**
 * The page of one signed-in user. Ending it (sign-out, a refused token) leaves the project shown,
 * stops its live feed and makes every project still loading show nothing: nothing goes on with
 * the old token, whatever the address bar or the Back button asks for afterwards.
 */
class SignedInPage {
  readonly client: GraphQLClient;
  private leave: () => void = () => undefined;
  /** Counts the projects asked for: only the latest may show, a slower earlier one shows nothing. */
  private visits = 0;
  private ended = false;

  private projects: ProjectEntry[] = [];

  constructor(readonly session: Session) {
    // A late answer to a page already ended (signed out meanwhile) signs nobody else out.
    this.client = new GraphQLClient(session.token, () => this.ended || signOut(EXPIRED));
  }

  listed(projects: ProjectEntry[]): void {
    this.projects = projects;
  }

  async show(projectId: string | undefined): Promise<void> {
    if (this.ended) return;
    const visit = ++this.visits;
    this.leaveProject();
    projectsNav.replaceChildren(h('h2', { class: 'visually-hidden' }, 'Projects'), projectList(this.projects, projectId));
    if (!projectId) {
      const none = this.projects.length === 0;
      main.replaceChildren(
        h('h1', {}, none ? 'No projects yet' : 'Choose a project'),
        h('p', {}, none ? 'A manager adds you to a project; it shows here then.' : 'Pick one of your projects in the list.'),
      );
      return;
    }
    const current = () => !this.ended && visit === this.visits;
    try {
      const leave = await openProject(this.client, this.session, projectId, main, {
        current,
        refused: (code, message) => {
          if (!current()) return;
          if (code === 'UNAUTHENTICATED') signOut(EXPIRED);
          else this.lostAccess(message);
        },
      });
      if (current()) this.leave = leave;
      else leave();
    } catch (error) {
      // A project left meanwhile fails quietly: its error is not the page shown now.
      if (current()) failed(error);
    }
  }

  end(): void {
    this.ended = true;
    this.leaveProject();
  }

  private leaveProject(): void {
    this.leave();
    this.leave = () => undefined;
  }

  /** Removed from the project while looking at it: its board goes, with the reason. */
  private lostAccess(message: string): void {
    this.visits += 1;
    this.leaveProject();
    main.replaceChildren(h('p', { class: 'failure', role: 'alert' }, `Your access to this project ended: ${message}`));
  }
}

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
      // The form is gone: the keyboard goes to what replaced it, not the top of the page.
      void start(session).then(() => main.focus());
    }, problem),
  );
};

/** Forgets the token kept in this tab, then asks for one. */
const signOut = (problem?: string): void => {
  forgetSession();
  signIn(problem);
};

const failed = (error: unknown): void => {
  if (error instanceof GraphQLFailure && error.code === 'UNAUTHENTICATED') return; // the client signed out already
  main.replaceChildren(h('p', { class: 'failure', role: 'alert' }, `Could not load: ${(error as Error).message}`));
};

const start = async (session: Session): Promise<void> => {
  page?.end();
  const signedIn = (page = new SignedInPage(session));
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
