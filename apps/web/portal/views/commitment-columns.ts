import { h } from '../elements.js';
import { dateOf, hours, words } from '../figures.js';
import { type Column as TableColumn, stackedTable } from './stacked-table.js';

/** How a commitment stood against budget, baseline and authority. */
export interface Judgement {
  outsideBudget: boolean;
  exceedsBudgetByHours: number;
  outsideRequirements: boolean;
  madeWithoutAuthority: boolean;
  requestedWithoutAuthority: boolean;
  reasons: string[];
}

export interface CommitmentRow {
  id: string;
  summary: string;
  status: string;
  estimateHours: number;
  dueDate: string | null;
  madeAt: string;
  revision: number;
  madeBy: { userId: string; name: string };
  madeTo: { id: string; name: string; role: string } | null;
  atDecision: Judgement;
  /** null once it no longer draws on the budget: withdrawn or rejected. */
  current: Judgement | null;
  /** The change orders paying for it today. */
  coveredBy: { reason: string; countersignedBy: { name: string } | null }[];
  /** Those that paid for it until a revision added hours beyond them or changed its requirements. */
  endedCovers: { reason: string; endedInRevision: number | null }[];
  /** Links whose target changed since the commitment was made or reviewed. */
  suspectLinks: { reason: string }[];
}

export type Column = TableColumn<CommitmentRow>;

/**
 * A judgement as short badges, with the API's sentences for those who want the why. `about` names
 * the commitment and which judgement, in hidden words: a table holds a "Why" per row and column.
 */
export const judgementOf = (judgement: Judgement, about: string, disclosure: string): HTMLElement => {
  const flags = [
    judgement.outsideBudget && `outside budget by ${hours(judgement.exceedsBudgetByHours)}`,
    judgement.outsideRequirements && 'outside requirements',
    judgement.madeWithoutAuthority && 'made without authority',
    judgement.requestedWithoutAuthority && 'asked without authority',
  ].filter((flag): flag is string => Boolean(flag));
  return h(
    'div',
    {},
    flags.length
      ? h('ul', { class: 'badges' }, ...flags.map((flag) => h('li', { class: 'badge' }, flag)))
      : h('span', { class: 'quiet' }, 'within budget and requirements'),
    judgement.reasons.length
      ? h(
          'details',
          { 'data-disclosure': disclosure },
          h('summary', {}, 'Why', h('span', { class: 'visually-hidden' }, ` ${about}`)),
          h('ul', {}, ...judgement.reasons.map((reason) => h('li', {}, reason))),
        )
      : null,
  );
};

/** Today's standing, with what pays for it (a change order draws first) and the links that need a review. */
const standingToday = (row: CommitmentRow): HTMLElement =>
  h(
    'div',
    {},
    row.current
      ? judgementOf(row.current, `“${row.summary}” stands today`, `why-today-${row.id}`)
      : h('span', { class: 'quiet' }, 'no longer draws on the budget'),
    ...row.coveredBy.map((cover) =>
      h(
        'small',
        { class: 'block', 'data-cover': '' },
        `paid by a change order (${cover.reason})`,
        cover.countersignedBy ? `, countersigned by ${cover.countersignedBy.name}` : '',
      ),
    ),
    ...row.endedCovers.map((cover) =>
      h(
        'small',
        { class: 'block', 'data-cover-ended': '' },
        `no longer paid by a change order (${cover.reason}): revision ${cover.endedInRevision ?? '?'} went beyond it`,
      ),
    ),
    row.suspectLinks.length
      ? h(
          'details',
          { 'data-suspect': '', 'data-disclosure': `suspect-${row.id}` },
          h(
            'summary',
            {},
            row.suspectLinks.length === 1 ? '1 suspect link' : `${row.suspectLinks.length} suspect links`,
            h('span', { class: 'visually-hidden' }, ` of “${row.summary}”`),
          ),
          // Each reason names its link's kind ("The requirement was revised: …").
          h('ul', {}, ...row.suspectLinks.map((link) => h('li', {}, link.reason))),
        )
      : null,
  );

/**
 * Who promised what to whom, and how it was judged: "Made" is the judgement when the promise
 * was made, which never changes; "Standing today" is judged again whenever the budget, the
 * baseline, its links or the other commitments change (a change order may cover it).
 */
export const COMMITMENT_COLUMNS: Column[] = [
  { header: 'Promised by', cell: (row) => h('span', {}, row.madeBy.name, h('br'), h('small', {}, h('time', {}, dateOf(row.madeAt)))) },
  {
    header: 'What',
    freeText: true,
    cell: (row) => h('span', {}, row.summary, row.dueDate ? h('small', { class: 'block' }, 'due ', h('time', {}, row.dueDate)) : null),
  },
  {
    header: 'To whom',
    cell: (row) => (row.madeTo ? h('span', {}, row.madeTo.name, h('small', { class: 'block' }, words(row.madeTo.role))) : '–'),
  },
  { header: 'Hours', cell: (row) => hours(row.estimateHours) },
  { header: 'Made', cell: (row) => judgementOf(row.atDecision, `“${row.summary}” was judged when made`, `why-made-${row.id}`) },
  { header: 'Standing today', cell: standingToday },
  { header: 'Status', cell: (row) => h('span', { class: `status ${row.status.toLowerCase()}` }, words(row.status)) },
];

export const commitmentTable = (rows: CommitmentRow[], caption: string, columns: Column[] = COMMITMENT_COLUMNS): HTMLTableElement =>
  stackedTable(caption, columns, rows, (row) => ({ 'data-commitment': row.id }));
