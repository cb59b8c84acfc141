import type { View, ViewContext } from '../board.js';
import { contactDaysDocument } from '../documents/contact.js';
import { h } from '../elements.js';
import { days, monthOf } from '../figures.js';
import { type ContactLevel, type DeveloperMonth, type HeatCell, contactLevel, heatRows, monthsEnding } from './contact-months.js';

const MONTHS = 12;

interface ContactDaysData {
  months: string[];
  rows: ReturnType<typeof heatRows>;
}

/**
 * The last month the map shows, which the month picker moves. Kept by the board, so a reload
 * keeps the month chosen and another project's board starts again at this month.
 */
const shownUpTo = (context: ViewContext): { lastMonth: string } =>
  context.kept('contact-days-month', () => ({ lastMonth: monthOf(new Date()) }));

const load = async (context: ViewContext): Promise<ContactDaysData> => {
  const { client, projectId } = context;
  const months = monthsEnding(shownUpTo(context).lastMonth, MONTHS);
  const { dashboard } = await client.request<{ dashboard: Record<string, DeveloperMonth[]> }>(contactDaysDocument(months), { projectId });
  return { months, rows: heatRows(months.map((_, i) => dashboard[`m${i}`])) };
};

const PICKER = 'contact-days-last-month';

/** What a month box holds once a month is chosen: a part deleted leaves it empty. */
const isWholeMonth = (value: string): boolean => /^\d{4}-\d{2}$/.test(value);

/**
 * A month half typed (a part deleted) reloads nothing; left so, the box shows the map's month
 * again. A month chosen draws a new box with the map: the keyboard stays in it, so the arrow keys
 * step on month by month.
 */
const monthPicker = (context: ViewContext): HTMLElement => {
  const input = h('input', {
    id: PICKER,
    type: 'month',
    value: shownUpTo(context).lastMonth,
    onchange: () => {
      if (!isWholeMonth(input.value)) return;
      const typing = document.activeElement === input;
      shownUpTo(context).lastMonth = input.value;
      void context.refreshView().then(() => {
        if (typing && !input.isConnected) document.getElementById(PICKER)?.focus();
      });
    },
    onblur: () => {
      if (!isWholeMonth(input.value)) input.value = shownUpTo(context).lastMonth;
    },
  });
  return h('p', { class: 'month-picker' }, h('label', { for: PICKER }, 'Up to '), input);
};

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar", with the year under the first month and under each January. */
const monthHeader = (month: string, i: number): HTMLElement => {
  const [year, number] = month.split('-');
  return h(
    'th',
    { scope: 'col', abbr: month },
    MONTH_NAMES[Number(number) - 1],
    i === 0 || number === '01' ? h('small', { class: 'block' }, year) : null,
  );
};

/** How a cell's shade reads in words, for whoever does not see its colour (the legend's words). */
const LEVEL_WORDS: Record<ContactLevel, string> = {
  met: 'target met',
  below: 'below target',
  low: 'under half the target',
  none: 'none',
};

/**
 * A month's cell: its days against the target, or left blank for a month the developer was not
 * one of the project's. The shade is not the only telling (WCAG 1.4.1): a met target carries a
 * check mark, and every cell says its days, the target and its level to a screen reader.
 */
const heatCell = (name: string, month: string, cell: HeatCell): HTMLElement => {
  if (!cell) return h('td', { class: 'heat absent', title: `${name}, ${month}: not a developer of the project` }, '');
  const level = contactLevel(cell.days, cell.target);
  return h(
    'td',
    { class: `heat ${level}`, title: `${name}, ${month}: ${days(cell.days)} of ${days(cell.target)}` },
    h('span', { 'aria-hidden': 'true' }, cell.days ? String(cell.days) : '·', level === 'met' ? ' ✓' : ''),
    h('span', { class: 'visually-hidden' }, `${days(cell.days)} of ${days(cell.target)}: ${LEVEL_WORDS[level]}`),
  );
};

const heatMap = ({ months, rows }: ContactDaysData): HTMLTableElement =>
  h(
    'table',
    { class: 'heat-map' },
    h('caption', { class: 'visually-hidden' }, 'Contact days per developer per month against the target'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Developer'), ...months.map(monthHeader))),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          'tr',
          { 'data-developer': row.userId },
          h('th', { scope: 'row' }, row.name),
          ...row.cells.map((cell, i) => heatCell(row.name, months[i], cell)),
        ),
      ),
    ),
  );

/**
 * The months run oldest to newest, and the newest, the month picked, matter most: where they do
 * not fit (a phone) the box is scrolled to its end once it is laid out, and again whenever its
 * width changes (a phone turned, a window narrowed), which a single scroll on the first frame
 * would miss when the page is laid out wide first.
 */
const newestInView = (box: HTMLElement): HTMLElement => {
  // A box taken off the page by a newer render reports one last change: the observer ends there.
  const observer = new ResizeObserver(() => (box.isConnected ? (box.scrollLeft = box.scrollWidth) : observer.disconnect()));
  observer.observe(box);
  return box;
};

/** Days each developer spent with the customer per month, shaded against the project's target. */
export const contactDaysView: View<ContactDaysData> = {
  id: 'contact-days',
  title: 'Contact days per developer',
  wide: true,
  load,
  render: (data, context) =>
    h(
      'div',
      {},
      monthPicker(context),
      data.rows.length === 0
        ? h('p', { class: 'quiet' }, 'No developers yet.')
        : newestInView(h('div', { class: 'scroll' }, heatMap(data))),
      h(
        'ul',
        { class: 'legend' },
        h('li', {}, h('span', { class: 'swatch heat met', 'aria-hidden': 'true' }), `✓ ${LEVEL_WORDS.met}`),
        h('li', {}, h('span', { class: 'swatch heat below', 'aria-hidden': 'true' }), LEVEL_WORDS.below),
        h('li', {}, h('span', { class: 'swatch heat low', 'aria-hidden': 'true' }), LEVEL_WORDS.low),
        h('li', {}, h('span', { class: 'swatch heat none', 'aria-hidden': 'true' }), LEVEL_WORDS.none),
      ),
    ),
};
