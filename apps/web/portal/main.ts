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

let leaveProject: () => void = () => undefined;

const signIn = (problem?: string): void => {
  leaveProject();
  projectsNav.replaceChildren();
  account.replaceChildren();
  main.replaceChildren(
    signInForm((session) => {
      keepSession(session);
      void start(session);
    }, problem),
  );
};

const failed = (error: unknown): void => {
  if (error instanceof GraphQLFailure && error.code === 'UNAUTHENTICATED') {
    forgetSession();
    signIn('The API did not accept that token (expired, or signed with another secret). Paste a fresh one.');
    return;
  }
  main.replaceChildren(h('p', { class: 'failure', role: 'alert' }, `Could not load: ${(error as Error).message}`));
};

const show = async (session: Session, projects: ProjectEntry[], projectId: string | undefined): Promise<void> => {
  leaveProject();
  projectsNav.replaceChildren(h('h2', { class: 'visually-hidden' }, 'Projects'), projectList(projects, projectId));
  if (!projectId) {
    main.replaceChildren(h('h1', {}, 'Choose a project'), h('p', {}, 'Pick one of your projects in the list.'));
    return;
  }
  leaveProject = await openProject(new GraphQLClient(session.token), session, projectId, main);
};

const start = async (session: Session): Promise<void> => {
  account.replaceChildren(
    h('span', {}, session.name),
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          forgetSession();
          signIn();
        },
      },
      'Sign out',
    ),
  );
  try {
    const { projects } = await new GraphQLClient(session.token).request<{ projects: { edges: { node: ProjectEntry }[] } }>(PROJECTS, {
      first: 100,
    });
    const list = projects.edges.map((edge) => edge.node);
    // With a single project there is nothing to choose.
    const projectId = session.projectId ?? (list.length === 1 ? list[0].id : undefined);
    if (projectId) showProject(projectId);
    await show(session, list, projectId);
    window.onhashchange = () => {
      const fragment = fragmentOf(location.hash);
      if (fragment.token) return void boot();
      show(session, list, fragment.projectId).catch(failed);
    };
  } catch (error) {
    failed(error);
  }
};

const boot = (): void => {
  const session = restoreSession();
  if (session) void start(session);
  else signIn();
};

boot();
