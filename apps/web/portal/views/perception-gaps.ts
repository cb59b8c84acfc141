import type { View } from '../board.js';
import { barChart } from '../charts/bar-chart.js';
import { PERCEPTION_GAPS } from '../documents/contact.js';
import { h } from '../elements.js';
import { dateOf, percent, words } from '../figures.js';
import { type Column, stackedTable } from './stacked-table.js';

interface Gap {
  subjectId: string;
  subjectType: string;
  title: string;
  toldStatus: string;
  toldPercentComplete: number | null;
  toldAt: string | null;
  /** Null while not assessed: a report its contact disputed shows before any assessment. */
  actualStatus: string | null;
  actualPercentComplete: number | null;
  assessedAt: string | null;
  disputed: boolean;
  /** What the contact told said; a dispute's note is its reason. */
  acknowledgement: { note: string | null } | null;
  toldTo: { name: string };
}

const statedAs = (status: string | null, done: number | null, at: string | null): HTMLElement =>
  status === null
    ? h('span', {}, 'not assessed yet')
    : h('span', {}, `${words(status)}, ${percent(done)}`, h('small', { class: 'block' }, h('time', {}, dateOf(at))));

/** What a contact was told, to whom, and whether they disputed it: one gap per subject and contact. */
const told = (gap: Gap): HTMLElement =>
  h(
    'span',
    {},
    statedAs(gap.toldStatus, gap.toldPercentComplete, gap.toldAt),
    h('small', { class: 'block' }, `to ${gap.toldTo.name}`),
    gap.disputed ? h('span', { class: 'block' }, h('span', { class: 'badge' }, 'disputed by them')) : null,
    gap.disputed && gap.acknowledgement?.note ? h('q', { class: 'block' }, gap.acknowledgement.note) : null,
  );

/** How many gaps, and how many of them the contact told disputed (a dispute is a gap even where the figures agree). */
const summaryOf = (gaps: readonly Gap[]): string => {
  const disputed = gaps.filter((gap) => gap.disputed).length;
  const count = `${gaps.length} gap${gaps.length === 1 ? '' : 's'} between what a contact was told and what the team assesses`;
  return disputed === 0 ? `${count}.` : `${count}, ${disputed} disputed by the contact told.`;
};

/** Told above assessed, in per cent complete, where both gave a figure. */
const gapChart = (gap: Gap): HTMLElement | null =>
  gap.toldPercentComplete === null || gap.actualPercentComplete === null
    ? null
    : barChart(
        [
          { label: 'told', value: gap.toldPercentComplete, text: percent(gap.toldPercentComplete), key: 'told' },
          { label: 'assessed', value: gap.actualPercentComplete, text: percent(gap.actualPercentComplete), key: 'assessed' },
        ],
        `${gap.title}: told ${percent(gap.toldPercentComplete)} complete, assessed ${percent(gap.actualPercentComplete)}`,
        100,
      );

const GAP_COLUMNS: Column<Gap>[] = [
  { header: 'Subject', freeText: true, cell: (gap) => h('span', {}, gap.title, h('small', { class: 'block' }, words(gap.subjectType))) },
  { header: 'Told the customer', cell: told },
  { header: 'Assessed', cell: (gap) => statedAs(gap.actualStatus, gap.actualPercentComplete, gap.assessedAt) },
  { header: 'Per cent complete', className: 'gap-chart', cell: (gap) => gapChart(gap) ?? '' },
];

/** Where the customer was told something other than the real state. */
export const perceptionGapsView: View<{ perceptionGaps: Gap[] }> = {
  id: 'perception-gaps',
  title: 'Told vs assessed',
  load: ({ client, projectId }) => client.request(PERCEPTION_GAPS, { projectId }),
  render: ({ perceptionGaps }) => {
    if (perceptionGaps.length === 0) return h('p', { class: 'good' }, 'No gaps: what the customer was told matches the latest assessment.');
    return h(
      'div',
      {},
      h('p', {}, summaryOf(perceptionGaps)),
      h('div', { class: 'scroll' }, stackedTable('Perception gaps', GAP_COLUMNS, perceptionGaps)),
    );
  },
};
