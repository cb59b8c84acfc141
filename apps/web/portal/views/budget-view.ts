import type { View } from '../board.js';
import { stackedBar } from '../charts/stacked-bar.js';
import { BUDGET } from '../documents/commitments.js';
import { h } from '../elements.js';
import { hours } from '../figures.js';
import { type ProjectBudget, budgetSegments } from './budget-segments.js';

interface BudgetData {
  project: { budget: ProjectBudget };
}

const headline = (budget: ProjectBudget): HTMLElement => {
  const over = budget.remainingReserveHours < 0;
  return h(
    'dl',
    { class: 'headline' },
    h('div', {}, h('dt', {}, 'Budget'), h('dd', {}, hours(budget.budgetHours))),
    // The baseline counts whole, promised by commitments or not yet (the bar splits it): "Promised" read as the first part alone.
    h('div', {}, h('dt', {}, 'Exposure'), h('dd', {}, hours(budget.exposureHours))),
    h(
      'div',
      { class: over ? 'alarm' : '' },
      h('dt', {}, over ? 'Over budget by' : 'Reserve left'),
      h('dd', { 'data-figure': 'remaining-reserve' }, hours(over ? -budget.remainingReserveHours : budget.remainingReserveHours)),
    ),
  );
};

/** The budget as one bar against the budget line: what is promised, and what is left. */
export const budgetView: View<BudgetData> = {
  id: 'budget',
  title: 'Budget',
  wide: true,
  load: ({ client, projectId }) => client.request<BudgetData>(BUDGET, { projectId }),
  render: ({ project: { budget } }) => {
    const segments = budgetSegments(budget);
    const bar = stackedBar(
      segments.map((segment) => ({ key: segment.key, label: segment.label, value: segment.hours, text: hours(segment.hours) })),
      { at: budget.budgetHours, label: `Budget ${hours(budget.budgetHours)}` },
      `Budget bar: ${segments.map((segment) => `${segment.label} ${hours(segment.hours)}`).join(', ')}; budget line at ${hours(budget.budgetHours)}`,
    );
    const legend = h(
      'ul',
      { class: 'legend' },
      ...segments.map((segment) =>
        h(
          'li',
          {},
          h('span', { class: `swatch ${segment.key}`, 'aria-hidden': 'true' }),
          `${segment.label}: `,
          h('strong', {}, hours(segment.hours)),
        ),
      ),
    );
    return h(
      'div',
      {},
      headline(budget),
      bar,
      legend,
      h('p', { class: 'quiet' }, `Baseline ${hours(budget.baselineHours)}, reserve ${hours(budget.reserveHours)} before any draw.`),
    );
  },
};
