import { h } from '../elements.js';

/** A column of a table: its header, and what a row shows under it. */
export interface Column<Row> {
  header: string;
  cell(row: Row): Node | string;
  /**
   * Text a user wrote (a summary, a title): a long word in it (an address, a ticket key) may
   * break anywhere rather than widen its column. Other cells break only between words, so a
   * column is never narrower than its longest word ("Developer" is never "Deve loper").
   */
  freeText?: boolean;
  /** A class of the column's cells, for their own layout (a chart's least width). */
  className?: string;
}

/** A box narrower than this stacks its table whatever its columns need: a phone, a panel half the board wide. */
const STACK_BELOW_PX = 560;

/**
 * Stacks the table (class `stacks`) while its box is too narrow for its columns, measured, not
 * guessed from the box alone: a queue of many columns needs 860 px, so a tablet's box of 700 px
 * would cut off its decision buttons. The width the columns need is read while they are laid out
 * side by side, and kept while stacked, so a wider box lays them out again. Changed on the next
 * frame: a change inside the observer's own call would be a resize loop.
 */
const stacksWhenTooNarrow = (table: HTMLTableElement): HTMLTableElement => {
  let needs = 0;
  const observer = new ResizeObserver(() =>
    requestAnimationFrame(() => {
      const box = table.parentElement;
      if (!table.isConnected || !box) return observer.disconnect();
      if (!table.classList.contains('stacks')) needs = table.scrollWidth;
      table.classList.toggle('stacks', box.clientWidth < STACK_BELOW_PX || needs > box.clientWidth);
    }),
  );
  observer.observe(table);
  return table;
};

/**
 * A table that stacks where its columns do not fit (stacksWhenTooNarrow; portal.css,
 * `table.stacked.stacks`): each row becomes a block and each cell a line labelled with its column's
 * header (`data-label`), so whole words show instead of columns one letter wide. The roles keep it a table to a screen reader, which
 * some browsers stop telling once the cells are laid out as blocks.
 */
export const stackedTable = <Row>(
  caption: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  attributesOf: (row: Row) => Record<string, string> = () => ({}),
): HTMLTableElement =>
  stacksWhenTooNarrow(
    h(
      'table',
      { class: 'stacked', role: 'table' },
      h('caption', { class: 'visually-hidden' }, caption),
      h(
        'thead',
        { role: 'rowgroup' },
        h('tr', { role: 'row' }, ...columns.map((column) => h('th', { scope: 'col', role: 'columnheader' }, column.header))),
      ),
      h(
        'tbody',
        { role: 'rowgroup' },
        ...rows.map((row) =>
          h(
            'tr',
            { role: 'row', ...attributesOf(row) },
            ...columns.map((column) =>
              h(
                'td',
                {
                  role: 'cell',
                  'data-label': column.header,
                  class: [column.freeText && 'free-text', column.className].filter(Boolean).join(' ') || null,
                },
                column.cell(row),
              ),
            ),
          ),
        ),
      ),
    ),
  );
