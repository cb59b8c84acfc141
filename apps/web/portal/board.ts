import { focusHeadingOf, h } from './elements.js';
import { type GraphQLClient, GraphQLFailure } from './graphql-client.js';
import { focusIn, openDisclosuresIn } from './kept-focus.js';

export type Role = 'MANAGER' | 'DEVELOPER' | 'AUDITOR' | 'CUSTOMER';

export interface ViewContext {
  client: GraphQLClient;
  projectId: string;
  role: Role;
  /** Reload every view now, e.g. after a decision made on the page. */
  refresh(): Promise<void>;
  /** Reload this view alone, after a choice only it depends on (the contact-days month): the others' answers are the same. */
  refreshView(): Promise<void>;
  /**
   * What a view keeps across re-renders of this board (notes typed, its live region), made at the
   * first ask: another project or another user gets a new board, which starts with nothing kept.
   */
  kept<T>(name: string, make: () => T): T;
}

/** One panel of the board: what it asks of the API, and how it shows the answer. */
export interface View<Data = unknown> {
  /** The section's id: a landmark to link to and a handle for tests. */
  id: string;
  title: string;
  /** Spans both columns on a wide screen. */
  wide?: boolean;
  load(context: ViewContext): Promise<Data>;
  render(data: Data, context: ViewContext): Node;
}

interface Panel {
  view: View;
  body: HTMLElement;
  shown?: string;
  /** What the last answer rendered: it stays under a failure to load again, controls and all. */
  rendered?: Node;
  /** Counts the loads asked for: only the latest renders, so a slow answer for a month left meanwhile shows nothing. */
  loads: number;
}

const panelOf = (view: View): { section: HTMLElement; panel: Panel } => {
  const body = h('div', { class: 'panel-body', 'aria-busy': 'true' }, h('p', { class: 'quiet' }, 'Loading…'));
  const section = h(
    'section',
    { id: view.id, class: view.wide ? 'panel wide' : 'panel', 'aria-labelledby': `${view.id}-title` },
    h('h2', { id: `${view.id}-title` }, view.title),
    body,
  );
  return { section, panel: { view, body, loads: 0 } };
};

/**
 * The views of one project, loaded side by side. A refresh re-renders only the panels whose
 * answer changed, so a note typed in the approval queue survives news about something else, and
 * one whose answer changed keeps the keyboard where it was (focusIn).
 */
export class Board {
  private readonly panels: Panel[] = [];
  private readonly keptValues = new Map<string, unknown>();
  private closed = false;
  readonly element: HTMLElement;

  constructor(
    views: View[],
    private readonly context: Omit<ViewContext, 'refresh' | 'refreshView' | 'kept'>,
    /** A panel's load refused because the caller is no member any more: the page around it ends the visit. */
    private readonly accessEnded: (message: string) => void = () => undefined,
  ) {
    const parts = views.map(panelOf);
    this.panels = parts.map((p) => p.panel);
    this.element = h('div', { class: 'board' }, ...parts.map((p) => p.section));
  }

  /** Left (another project, sign-out): a reload still due, such as one the live feed asked for, asks nothing. */
  close(): void {
    this.closed = true;
  }

  refresh = async (): Promise<void> => {
    if (this.closed) return;
    await Promise.all(this.panels.map((panel) => this.refreshPanel(panel)));
  };

  private readonly kept = <T>(name: string, make: () => T): T => {
    if (!this.keptValues.has(name)) this.keptValues.set(name, make());
    return this.keptValues.get(name) as T;
  };

  private async refreshPanel(panel: Panel): Promise<void> {
    if (this.closed) return;
    const context: ViewContext = {
      ...this.context,
      refresh: this.refresh,
      refreshView: () => this.refreshPanel(panel),
      kept: this.kept,
    };
    const load = ++panel.loads;
    try {
      const data = await panel.view.load(context);
      if (load !== panel.loads) return;
      const shown = JSON.stringify(data);
      if (shown === panel.shown) return;
      panel.shown = shown;
      panel.rendered = panel.view.render(data, context);
      this.redraw(panel, panel.rendered);
    } catch (error) {
      if (load !== panel.loads) return;
      if (error instanceof GraphQLFailure && error.noMember) return this.accessEnded(error.message);
      panel.shown = undefined;
      this.redraw(panel, this.failure(panel, error as Error), ...(panel.rendered ? [panel.rendered] : []));
    } finally {
      // A load left behind by a newer one leaves the panel busy for that one to end.
      if (load === panel.loads) panel.body.removeAttribute('aria-busy');
    }
  }

  /**
   * Puts the new drawing in the panel with the keyboard where it was (on the same control, else on
   * the panel's heading, never at the top of the page) and its open disclosures open.
   */
  private redraw(panel: Panel, ...drawing: Node[]): void {
    const focusBack = focusIn(panel.body);
    const openAgain = openDisclosuresIn(panel.body);
    panel.body.replaceChildren(...drawing);
    openAgain(panel.body);
    if (focusBack && !focusBack(panel.body)) focusHeadingOf(panel.body.parentElement);
  }

  /**
   * A load that failed says why, above what the panel showed before, with a way to try again now:
   * a customer's page reads again only once a minute. A retry that answers takes the button away,
   * so the keyboard goes to the panel's heading rather than the top of the page.
   */
  private failure(panel: Panel, error: Error): HTMLElement {
    const retry = async (): Promise<void> => {
      await this.refreshPanel(panel);
      if (retryButton.isConnected) return;
      focusHeadingOf(panel.body.parentElement);
    };
    const retryButton = h('button', { type: 'button', onclick: () => void retry() }, 'Try again');
    return h(
      'div',
      { class: 'load-failure', role: 'alert' },
      h('p', { class: 'failure' }, `Could not load: ${error.message}`),
      retryButton,
    );
  }
}
