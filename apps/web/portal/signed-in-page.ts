import { h } from './elements.js';
import { GraphQLClient } from './graphql-client.js';
import { type ProjectEntry, projectList } from './project-list.js';
import { openProject } from './project-page.js';
import type { Session } from './session.js';

/** Where a signed-in page draws, and what it leaves to the page around it: signing out, saying why nothing opened. */
export interface PageFrame {
  main: HTMLElement;
  projectsNav: HTMLElement;
  signOut(problem?: string): void;
  failed(error: unknown): void;
}

const EXPIRED = 'The API did not accept that token (expired, or signed with another secret). Paste a fresh one.';

/**
 * The page of one signed-in user. Ending it (sign-out, a refused token) leaves the project shown,
 * stops its live feed and makes every project still loading show nothing: nothing goes on with
 * the old token, whatever the address bar or the Back button asks for afterwards.
 */
export class SignedInPage {
  readonly client: GraphQLClient;
  private leave: () => void = () => undefined;
  /** Counts the projects asked for: only the latest may show, a slower earlier one shows nothing. */
  private visits = 0;
  private ended = false;

  private projects: ProjectEntry[] = [];

  constructor(
    readonly session: Session,
    private readonly frame: PageFrame,
  ) {
    // A late answer to a page already ended (signed out meanwhile) signs nobody else out.
    this.client = new GraphQLClient(session.token, () => this.ended || frame.signOut(EXPIRED));
  }

  listed(projects: ProjectEntry[]): void {
    this.projects = projects;
  }

  /**
   * When what the keyboard was on is redrawn (the sign-in form, a link of the project list), it
   * goes to the project shown, or to why it is not, rather than to the top of the page. A page
   * just loaded keeps the browser's start, so the skip link stays the first stop.
   */
  async show(projectId: string | undefined): Promise<void> {
    const was = document.activeElement;
    await this.open(projectId);
    if (!this.ended && was && was !== document.body && !was.isConnected) this.frame.main.focus();
  }

  private async open(projectId: string | undefined): Promise<void> {
    if (this.ended) return;
    const visit = ++this.visits;
    this.leaveProject();
    this.listProjects(projectId);
    if (!projectId) {
      const none = this.projects.length === 0;
      this.frame.main.replaceChildren(
        h('h1', {}, none ? 'No projects yet' : 'Choose a project'),
        h('p', {}, none ? 'A manager adds you to a project; it shows here then.' : 'Pick one of your projects in the list.'),
      );
      return;
    }
    const current = () => !this.ended && visit === this.visits;
    try {
      const leave = await openProject(this.client, this.session, projectId, this.frame.main, {
        current,
        refused: (code, message) => {
          if (!current()) return;
          if (code === 'UNAUTHENTICATED') this.frame.signOut(EXPIRED);
          else this.lostAccess(projectId, message);
        },
      });
      if (current()) this.leave = leave;
      else leave();
    } catch (error) {
      // A project left meanwhile fails quietly: its error is not the page shown now.
      if (current()) this.frame.failed(error);
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

  private listProjects(current: string | undefined): void {
    this.frame.projectsNav.replaceChildren(h('h2', { class: 'visually-hidden' }, 'Projects'), projectList(this.projects, current));
  }

  /** Removed from the project while looking at it: its board goes, with the reason, and so does its link in the list. */
  private lostAccess(projectId: string, message: string): void {
    this.visits += 1;
    this.leaveProject();
    this.projects = this.projects.filter((project) => project.id !== projectId);
    this.listProjects(undefined);
    this.frame.main.replaceChildren(h('p', { class: 'failure', role: 'alert' }, `Your access to this project ended: ${message}`));
  }
}
