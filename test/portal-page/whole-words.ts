import type { Page } from 'playwright-core';

// What the page runs in its own context (the spec is compiled without the DOM's types).
interface PageText {
  textContent: string;
  parentElement: { closest(selector: string): unknown } | null;
}
declare const document: {
  querySelectorAll(selector: string): Iterable<unknown>;
  createTreeWalker(root: unknown, show: number): { nextNode(): PageText | null };
  createRange(): {
    setStart(node: unknown, at: number): void;
    setEnd(node: unknown, at: number): void;
    getClientRects(): { length: number };
  };
};

/**
 * The words of the cells and headers under `selector` that the page shows split over two lines
 * ("Deve" / "loper"): a word whose text spans more than one line box. Text a user wrote
 * (`td.free-text`) may break a long word anywhere, and is not asked.
 */
export const wordsSplitAcrossLines = (page: Page, selector: string): Promise<string[]> =>
  page.evaluate((root) => {
    const split: string[] = [];
    for (const table of document.querySelectorAll(root)) {
      const walker = document.createTreeWalker(table, 4 /* NodeFilter.SHOW_TEXT */);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        // Not shown, so not laid out: a closed "Why" has no lines to split a word over.
        if (text.parentElement?.closest('td.free-text, .visually-hidden, caption, details:not([open]) > :not(summary)')) continue;
        for (const word of text.textContent.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, word.index!);
          range.setEnd(text, word.index! + word[0].length);
          if (range.getClientRects().length > 1) split.push(word[0]);
        }
      }
    }
    return split;
  }, selector);
