import type { ViewContext } from '../board.js';
import { h } from '../elements.js';

/** Rows on one page of a list the page turns through. */
export const ROWS_PER_PAGE = 100;

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

/** The cursor each page shown so far starts after, the first page's none: the last is the page shown. */
interface Turned {
  afters: (string | null)[];
}

/**
 * A list shown a page at a time, oldest first, with buttons to the next page and back: every row
 * can be reached (a promise made after a hundred others waits for a manager as much as the first).
 * Where it stands is kept across the board's redraws, so a live update shows the same page.
 */
export const pageTurns = (context: ViewContext, list: string) => {
  const turned = context.kept(`${list}-pages`, (): Turned => ({ afters: [null] }));
  // Each button moves from the page it was drawn on, not from wherever a click before it got to: a
  // double click (or Enter held down) before the next page is drawn turns one page, not two.
  const turnTo = (depth: number, next?: string) => (): void => {
    turned.afters.length = Math.max(1, depth);
    if (next !== undefined) turned.afters.push(next);
    // A failed load says so in the panel itself (the board's Try again): nothing is left to await here.
    void context.refreshView();
  };
  return {
    /**
     * The page shown, asked of the API; a page emptied meanwhile (its rows decided) gives way to
     * the one before it, so the list never reads empty while earlier rows remain.
     */
    async load<Data>(ask: (page: { first: number; after: string | null }) => Promise<Data>, rowsOf: (data: Data) => number): Promise<Data> {
      for (;;) {
        const after = turned.afters[turned.afters.length - 1];
        const data = await ask({ first: ROWS_PER_PAGE, after });
        if (rowsOf(data) > 0 || after === null) return data;
        // Another load (a live update's) may have turned back meanwhile: then ask where it stands now.
        if (turned.afters.length > 1 && turned.afters[turned.afters.length - 1] === after) turned.afters.pop();
      }
    },
    /**
     * Which page of how many rows, and the buttons to the pages beside it; nothing when one page
     * holds them all. No row numbers: rows decided on an earlier page meanwhile would make them wrong.
     */
    controls(shown: number, total: number, pageInfo: PageInfo, what: string): HTMLElement | null {
      const depth = turned.afters.length;
      const { endCursor } = pageInfo;
      const later = pageInfo.hasNextPage && endCursor !== null;
      if (depth === 1 && !later) return null;
      return h(
        'p',
        { class: 'quiet part-shown' },
        `Page ${depth}: ${shown} of ${total} ${what}. `,
        depth > 1 ? h('button', { type: 'button', onclick: turnTo(depth - 1) }, `Earlier ${ROWS_PER_PAGE}`) : null,
        later ? h('button', { type: 'button', onclick: turnTo(depth, endCursor) }, `Next ${ROWS_PER_PAGE}`) : null,
      );
    },
  };
};
