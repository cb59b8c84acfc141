import { h } from '../elements.js';

/** Said under a list the API gave in part: how many of how many are shown, so nobody takes a page for the whole. */
export const partShown = (shown: number, total: number, what: string): HTMLElement | null =>
  total > shown ? h('p', { class: 'quiet part-shown' }, `Showing the first ${shown} of ${total} ${what}.`) : null;
