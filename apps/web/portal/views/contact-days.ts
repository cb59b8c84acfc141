import type { View, ViewContext } from '../board.js';
import { contactDaysDocument } from '../documents/contact.js';
import { h } from '../elements.js';
import { days } from '../figures.js';
import { monthPicker, shownUpTo } from './contact-month-picker.js';
import { type ContactLevel, type DeveloperMonth, type HeatCell, contactLevel, heatRows, monthsEnding } from './contact-months.js';

const MONTHS = 12;

interface ContactDaysData {
  months: string[];
  rows: ReturnType<typeof heatRows>;
}

const load = async (context: ViewContext): Promise<ContactDaysData> => {
  const { client, projectId } = context;
  const months = monthsEnding(shownUpTo(context).lastMonth, MONTHS);
  const { dashboard } = await client.request<{ dashboard: Record<string, DeveloperMonth[]> }>(contactDaysDocument(months), { projectId });
  return { months, rows: heatRows(months.map((_, i) => dashboard[`m${i}`])) };
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
