import { ActivityFeed } from './activity-feed.js';
import { Board, type Role } from './board.js';
import { PROJECT_AND_ROLE } from './documents/navigation.js';
import { h } from './elements.js';
import type { GraphQLClient } from './graphql-client.js';
import { followProject } from './live-activity.js';
import { viewsFor } from './role-views.js';
import type { Session } from './session.js';

interface ProjectAndRole {
  project: { id: string; name: string; customerName: string; viewerRole: Role | null };
}

/** Bursts of events (a seed, an import) become one reload every two seconds at most. */
const REFRESH_GAP_MS = 2_000;

const throttled = (run: () => Promise<void>): (() => void) => {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer !== undefined) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        last = Date.now();
        void run();
      },
      Math.max(0, last + REFRESH_GAP_MS - Date.now()),
    );
  };
};

/** How often a customer's page reads again while it is shown. */
const CUSTOMER_REFRESH_MS = 60_000;

/**
 * A customer follows no activity feed (it tells of internal work), so their page reads again
 * when they come back to it and once a minute while it is shown: an answer or a status report
 * told to them appears without a reload. Returns the way to stop.
 */
const refreshWhileVisible = (refresh: () => Promise<void>): (() => void) => {
  let reading = false; // a return to the page while the minute's read is under way adds none
  const whenShown = (): void => {
    if (document.visibilityState !== 'visible' || reading) return;
    reading = true;
    void refresh().finally(() => (reading = false));
  };
  const timer = setInterval(whenShown, CUSTOMER_REFRESH_MS);
  document.addEventListener('visibilitychange', whenShown);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', whenShown);
  };
};

/** What the page around a project decides: whether it is still the one wanted, and what a refused feed means. */
export interface ProjectVisit {
  /** False once the user chose another project or signed out while this one loaded. */
  current(): boolean;
  refused(code: string | undefined, message: string): void;
}

/** "the customer", "a manager", "an auditor". */
const roleInWords = (role: Role): string => {
  if (role === 'CUSTOMER') return 'the customer';
  const word = role.toLowerCase();
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
};

/**
 * One project's page for the signed-in user: the team's board with live updates, or a
 * customer's own view, read again while shown: the caller's role on the project decides which.
 * Returns the way to leave the project; a visit no longer current by the time the project came
 * shows and follows nothing.
 */
export const openProject = async (
  client: GraphQLClient,
  session: Session,
  projectId: string,
  into: HTMLElement,
  visit: ProjectVisit,
): Promise<() => void> => {
  const { project } = await client.request<ProjectAndRole>(PROJECT_AND_ROLE, { id: projectId });
  if (!visit.current()) return () => undefined;
  // No member any more (removed meanwhile): the customer's view, which asks for nothing internal, and its reads are refused.
  const role = project.viewerRole ?? 'CUSTOMER';
  // A customer follows no feed that could say their access ended: a panel's refused read says it.
  const board = new Board(viewsFor(role), { client, projectId, role }, (message) => visit.refused('FORBIDDEN', message));
  const heading = h(
    'header',
    { class: 'project-heading' },
    h('h1', { id: 'project-name' }, project.name),
    h('p', {}, `${project.customerName} · you are ${roleInWords(role)}`),
  );
  if (role === 'CUSTOMER') {
    into.replaceChildren(heading, board.element);
    await board.refresh();
    const stopRefreshing = refreshWhileVisible(board.refresh);
    return () => {
      stopRefreshing();
      board.close();
    };
  }
  const feed = new ActivityFeed();
  into.replaceChildren(heading, h('div', { class: 'with-feed' }, board.element, feed.element));
  const refreshSoon = throttled(board.refresh);
  const stop = followProject(session.token, projectId, {
    onActivity: (activity) => {
      feed.show(activity);
      refreshSoon();
    },
    onState: (state) => feed.setState(state),
    onReconnected: refreshSoon,
    onRefused: (code, message) => {
      stop();
      visit.refused(code, message);
    },
  });
  await board.refresh();
  return () => {
    stop();
    board.close();
  };
};
