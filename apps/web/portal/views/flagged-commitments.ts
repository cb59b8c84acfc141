import type { View } from '../board.js';
import { FLAGGED_COMMITMENTS } from '../documents/commitments.js';
import { h } from '../elements.js';
import { hours } from '../figures.js';
import { type CommitmentRow, commitmentTable } from './commitment-columns.js';
import { type PageInfo, pageTurns } from './page-turns.js';

interface StandingCounts {
  outsideBudget: number;
  hoursOutsideBudget: number;
  madeWithoutAuthority: number;
  currentlyOutsideBudget: number;
  currentHoursOutsideBudget: number;
  awaitingAuthority: number;
  suspect: number;
}

interface FlaggedData {
  dashboard: { commitments: StandingCounts };
  commitments: { totalCount: number; pageInfo: PageInfo; edges: { node: CommitmentRow }[] };
}

const figure = (label: string, value: string, name: string): HTMLElement =>
  h('div', {}, h('dt', {}, label), h('dd', { 'data-figure': name }, value));

/** Made outside the budget is what the organisation fears; outside it today is what needs action. */
const standing = (counts: StandingCounts): HTMLElement =>
  h(
    'dl',
    { class: 'headline' },
    figure('Made outside the budget', `${counts.outsideBudget} · ${hours(counts.hoursOutsideBudget)}`, 'made-outside-budget'),
    figure('Outside it today', `${counts.currentlyOutsideBudget} · ${hours(counts.currentHoursOutsideBudget)}`, 'outside-budget-today'),
    figure('Made without authority', String(counts.madeWithoutAuthority), 'made-without-authority'),
    figure('Awaiting authority', String(counts.awaitingAuthority), 'awaiting-authority'),
    figure('Suspect links', String(counts.suspect), 'suspect'),
  );

/** Promises beyond the budget, when made or today, made by someone who could not approve them, or resting on a link that changed. */
export const flaggedCommitmentsView: View<FlaggedData> = {
  id: 'flagged-commitments',
  title: 'Commitments outside the budget, made without authority or with suspect links',
  wide: true,
  load: (context) =>
    pageTurns(context, 'flagged').load(
      (page) => context.client.request<FlaggedData>(FLAGGED_COMMITMENTS, { projectId: context.projectId, ...page }),
      (data) => data.commitments.edges.length,
    ),
  render: ({ dashboard, commitments }, context) => {
    const rows = commitments.edges.map((edge) => edge.node);
    return h(
      'div',
      {},
      standing(dashboard.commitments),
      rows.length === 0
        ? h('p', { class: 'good' }, 'None: every promise fits the budget, was made with authority and rests on links that still hold.')
        : h('div', { class: 'scroll' }, commitmentTable(rows, flaggedCommitmentsView.title)),
      // The list keeps rejected and withdrawn promises (the customer heard them), the figures above count active ones.
      rows.some((row) => row.status === 'REJECTED' || row.status === 'WITHDRAWN')
        ? h(
            'p',
            { class: 'quiet' },
            'Rejected and withdrawn promises are listed too, since the customer heard them; the figures count active ones.',
          )
        : null,
      pageTurns(context, 'flagged').controls(rows.length, commitments.totalCount, commitments.pageInfo, 'flagged commitments'),
    );
  },
};
