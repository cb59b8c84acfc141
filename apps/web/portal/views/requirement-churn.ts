import type { View } from '../board.js';
import { barChart } from '../charts/bar-chart.js';
import { REQUIREMENT_CHURN } from '../documents/contact.js';
import { h } from '../elements.js';
import { dateOf, words } from '../figures.js';

interface ChurnData {
  dashboard: { churn: { revisionsSinceBaseline: number; byTrigger: { trigger: string; count: number }[] } };
  requirementChanges: {
    requirement: { id: string; key: string; title: string };
    revision: number;
    at: string;
    reason: string | null;
    trigger: { kind: string; channel: string | null };
  }[];
}

/** What a change came through, in the words of the churn chart. */
const triggerOf = ({ kind, channel }: { kind: string; channel: string | null }): string =>
  kind === 'SESSION' ? 'direct (contact session)' : kind === 'REQUEST' ? `${words(channel ?? '')} request` : 'internal';

/** How much the requirements moved since the baseline, and through which channel. */
export const requirementChurnView: View<ChurnData> = {
  id: 'requirement-churn',
  title: 'Requirement churn since the baseline',
  load: ({ client, projectId }) => client.request<ChurnData>(REQUIREMENT_CHURN, { projectId }),
  render: ({ dashboard: { churn }, requirementChanges }) =>
    h(
      'div',
      {},
      h(
        'p',
        {},
        h('strong', { 'data-figure': 'revisions-since-baseline' }, String(churn.revisionsSinceBaseline)),
        ' additions and revisions since the baseline, by what triggered them.',
      ),
      barChart(
        churn.byTrigger.map(({ trigger, count }) => ({
          label: words(trigger),
          value: count,
          text: String(count),
          key: `channel-${trigger.toLowerCase()}`,
        })),
        `Requirement changes since the baseline by trigger: ${churn.byTrigger.map(({ trigger, count }) => `${words(trigger)} ${count}`).join(', ')}`,
      ),
      requirementChanges.length === 0
        ? null
        : h(
            'details',
            { 'data-disclosure': 'requirement-changes' },
            h('summary', {}, 'The changes'),
            h(
              'ul',
              { class: 'changes' },
              ...[...requirementChanges]
                .reverse()
                .map((change) =>
                  h(
                    'li',
                    {},
                    h('strong', {}, change.requirement.key),
                    ` ${change.requirement.title} — ${triggerOf(change.trigger)}, ${dateOf(change.at)}`,
                    change.reason ? h('small', { class: 'block' }, change.reason) : null,
                  ),
                ),
            ),
          ),
    ),
};
