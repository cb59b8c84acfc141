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

/**
 * A table that stacks in a narrow box — a phone, or a panel half the board wide (portal.css,
 * `table.stacked`): each row becomes a block and each cell a line labelled with its column's
 * header (`data-label`), so whole words show instead of columns one letter wide. The roles keep it a table to a screen reader, which
 * some browsers stop telling once the cells are laid out as blocks.
 */
export const stackedTable = <Row>(
  caption: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  attributesOf: (row: Row) => Record<string, string> = () => ({}),
): HTMLTableElement =>
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
  );
