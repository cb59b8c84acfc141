import { h } from './elements.js';
import type { Activity, LiveState } from './live-activity.js';

const KEPT = 20;

const STATE_TEXT: Record<LiveState, string> = {
  connecting: 'Connecting to live updates…',
  live: 'Live: the page updates as things happen.',
  offline: 'Live updates paused; reconnecting.',
};

/** The project's latest events as they arrive, newest first, read out politely. */
export class ActivityFeed {
  private readonly list = h('ol', { class: 'activity', role: 'log', 'aria-live': 'polite', 'aria-label': 'Latest activity' });
  private readonly state = h('p', { class: 'live-state', 'data-live': 'connecting' }, STATE_TEXT.connecting);
  readonly element = h(
    'section',
    { id: 'activity', class: 'panel', 'aria-labelledby': 'activity-title' },
    h('h2', { id: 'activity-title' }, 'Latest activity'),
    this.state,
    this.list,
  );

  show(activity: Activity): void {
    this.list.prepend(
      h(
        'li',
        { 'data-position': activity.position },
        h('time', { datetime: activity.occurredAt }, new Date(activity.occurredAt).toLocaleTimeString()),
        ' ',
        activity.summary,
      ),
    );
    while (this.list.children.length > KEPT) this.list.lastElementChild?.remove();
  }

  setState(state: LiveState): void {
    this.state.dataset.live = state;
    this.state.textContent = STATE_TEXT[state];
  }
}
