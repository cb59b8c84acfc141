import type { View } from '../board.js';
import { barChart } from '../charts/bar-chart.js';
import { PERCEPTION_GAPS } from '../documents/contact.js';
import { h } from '../elements.js';
import { dateOf, percent, words } from '../figures.js';

interface Gap {
  subjectId: string;
  subjectType: string;
  title: string;
  toldStatus: string;
  toldPercentComplete: number | null;
  toldAt: string | null;
  actualStatus: string;
  actualPercentComplete: number | null;
  assessedAt: string | null;
}

const statedAs = (status: string, done: number | null, at: string | null): HTMLElement =>
  h('span', {}, `${words(status)}, ${percent(done)}`, h('small', { class: 'block' }, dateOf(at)));

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
      h(
        'p',
        {},
        `${perceptionGaps.length} subject${perceptionGaps.length === 1 ? '' : 's'} where the customer was told more than the team assesses.`,
      ),
      h(
        'div',
        { class: 'scroll' },
        h(
          'table',
          {},
          h('caption', { class: 'visually-hidden' }, 'Perception gaps'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['Subject', 'Told the customer', 'Assessed', 'Per cent complete'].map((header) => h('th', { scope: 'col' }, header)),
            ),
          ),
          h(
            'tbody',
            {},
            ...perceptionGaps.map((gap) =>
              h(
                'tr',
                {},
                h('td', {}, gap.title, h('small', { class: 'block' }, words(gap.subjectType))),
                h('td', {}, statedAs(gap.toldStatus, gap.toldPercentComplete, gap.toldAt)),
                h('td', {}, statedAs(gap.actualStatus, gap.actualPercentComplete, gap.assessedAt)),
                h('td', { class: 'gap-chart' }, gapChart(gap)),
              ),
            ),
          ),
        ),
      ),
    );
  },
};
