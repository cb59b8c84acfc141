import type { View } from '../board.js';
import { barChart } from '../charts/bar-chart.js';
import { FIRST_RESPONSES } from '../documents/contact.js';
import { h } from '../elements.js';
import { percent, timeTaken, words } from '../figures.js';
import { type RequestTimes, firstResponses } from './response-times.js';
import { partShown } from './part-shown.js';

interface ResponsesData {
  dashboard: {
    requests: {
      total: number;
      open: number;
      declineRate: number | null;
      medianHoursToFirstResponse: number | null;
      byChannel: { channel: string; count: number }[];
    };
  };
  requests: { totalCount: number; edges: { node: RequestTimes }[] };
}

const figure = (label: string, value: string, name: string): HTMLElement =>
  h('div', {}, h('dt', {}, label), h('dd', { 'data-figure': name }, value));

/** How fast the team answers what customers ask, request by request. */
export const firstResponsesView: View<ResponsesData> = {
  id: 'first-responses',
  title: 'First responses',
  load: ({ client, projectId }) => client.request<ResponsesData>(FIRST_RESPONSES, { projectId }),
  render: ({ dashboard: { requests: summary }, requests }) => {
    const times = firstResponses(
      requests.edges.map((edge) => edge.node),
      new Date(),
    );
    return h(
      'div',
      {},
      h(
        'dl',
        { class: 'headline' },
        figure(
          'Median to first response',
          summary.medianHoursToFirstResponse === null ? '–' : timeTaken(summary.medianHoursToFirstResponse),
          'median-first-response',
        ),
        figure('Waiting for an answer', String(summary.open), 'open-requests'),
        figure('Declined', summary.declineRate === null ? '–' : percent(summary.declineRate * 100), 'decline-rate'),
      ),
      h(
        'p',
        { class: 'quiet' },
        `${summary.total} requests: ${summary.byChannel.map(({ channel, count }) => `${count} ${words(channel)}`).join(', ')}.`,
      ),
      times.length === 0
        ? null
        : barChart(
            times.map((time) => ({
              label: time.title,
              value: time.hours,
              text: time.answered ? timeTaken(time.hours) : `${timeTaken(time.hours)}, waiting`,
              key: time.answered ? 'answered' : 'waiting',
            })),
            'Time to the first response per request, slowest first; open requests show how long they have waited',
          ),
      partShown(requests.edges.length, requests.totalCount, 'requests in the chart (the figures above count them all)'),
    );
  },
};
