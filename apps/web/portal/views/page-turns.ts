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
  // A failed load says so in the panel itself (the board's Try again): nothing is left to await here.
  const turn = (move: () => void) => (): void => {
    move();
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
        if (turned.afters[turned.afters.length - 1] === after) turned.afters.pop();
      }
    },
    /** Which rows of how many are shown, and the buttons to the pages beside it; nothing when one page holds them all. */
    controls(shown: number, total: number, pageInfo: PageInfo, what: string): HTMLElement | null {
      const earlier = turned.afters.length > 1;
      const { endCursor } = pageInfo;
      const later = pageInfo.hasNextPage && endCursor !== null;
      if (!earlier && !later) return null;
      const from = (turned.afters.length - 1) * ROWS_PER_PAGE + 1;
      return h(
        'p',
        { class: 'quiet part-shown' },
        `Showing ${from}–${from + shown - 1} of ${total} ${what}. `,
        earlier ? h('button', { type: 'button', onclick: turn(() => turned.afters.pop()) }, `Earlier ${ROWS_PER_PAGE}`) : null,
        later ? h('button', { type: 'button', onclick: turn(() => turned.afters.push(endCursor)) }, `Next ${ROWS_PER_PAGE}`) : null,
      );
    },
  };
};
