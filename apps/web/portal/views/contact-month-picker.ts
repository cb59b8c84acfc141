import type { ViewContext } from '../board.js';
import { h } from '../elements.js';
import { monthOf } from '../figures.js';

/**
 * The last month the map shows, which the month picker moves. Kept by the board, so a reload
 * keeps the month chosen and another project's board starts again at this month.
 */
export const shownUpTo = (context: ViewContext): { lastMonth: string } =>
  context.kept('contact-days-month', () => ({ lastMonth: monthOf(new Date()) }));

const PICKER = 'contact-days-last-month';

/** What a month box holds once a month is chosen: a part deleted leaves it empty. */
const isWholeMonth = (value: string): boolean => /^\d{4}-\d{2}$/.test(value);

/**
 * A month half typed (a part deleted) reloads nothing; left so, the box shows the map's month
 * again. A month chosen draws a new box with the map: the keyboard stays in it, so the arrow keys
 * step on month by month.
 */
export const monthPicker = (context: ViewContext): HTMLElement => {
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
