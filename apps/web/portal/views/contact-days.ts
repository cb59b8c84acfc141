import type { View, ViewContext } from '../board.js';
import { contactDaysDocument } from '../documents/contact.js';
import { h } from '../elements.js';
import { days } from '../figures.js';
import { type DeveloperMonth, contactLevel, heatRows, monthOf, monthsEnding } from './contact-months.js';

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

const monthPicker = (context: ViewContext): HTMLElement =>
  h(
    'p',
    { class: 'month-picker' },
    h('label', { for: 'contact-days-last-month' }, 'Up to '),
    h('input', {
      id: 'contact-days-last-month',
      type: 'month',
      value: shownUpTo(context).lastMonth,
      onchange: (event: Event) => {
        const input = event.target as HTMLInputElement;
        // Cleared, the box would show no month beside the old map: both go back to this month.
        const month = /^\d{4}-\d{2}$/.test(input.value) ? input.value : monthOf(new Date());
        input.value = month;
        shownUpTo(context).lastMonth = month;
        void context.refreshView();
      },
    }),
  );

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
          ...row.cells.map((cell, i) =>
            h(
              'td',
              {
                class: `heat ${contactLevel(cell.days, cell.target)}`,
                title: `${row.name}, ${months[i]}: ${days(cell.days)} of ${days(cell.target)}`,
              },
              cell.days ? String(cell.days) : '·',
            ),
          ),
        ),
      ),
    ),
  );

/**
 * The months run oldest to newest, and the newest, the month picked, matter most: where they do
 * not fit (a phone) the box starts scrolled to its end, once it is on the page and laid out.
 */
const newestInView = (box: HTMLElement): HTMLElement => {
  requestAnimationFrame(() => (box.scrollLeft = box.scrollWidth));
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
        h('li', {}, h('span', { class: 'swatch heat met', 'aria-hidden': 'true' }), 'target met'),
        h('li', {}, h('span', { class: 'swatch heat below', 'aria-hidden': 'true' }), 'below target'),
        h('li', {}, h('span', { class: 'swatch heat low', 'aria-hidden': 'true' }), 'under half'),
        h('li', {}, h('span', { class: 'swatch heat none', 'aria-hidden': 'true' }), 'none'),
      ),
    ),
};
