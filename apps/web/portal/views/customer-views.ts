import type { View } from '../board.js';
import { CUSTOMER_COMMITMENTS, CUSTOMER_REQUESTS } from '../documents/customer.js';
import { h } from '../elements.js';
import { dateOf, hours, words } from '../figures.js';
import type { CommitmentRow } from './commitment-columns.js';
import { partShown } from './part-shown.js';

interface CustomerRequest {
  id: string;
  title: string;
  kind: string;
  status: string;
  raisedAt: string;
  responses: { stance: string; message: string; estimateHours: number | null; at: string }[];
}

/** The fields of a commitment a customer is shown: no judgement, no maker. */
type CustomerCommitment = Pick<CommitmentRow, 'id' | 'summary' | 'status' | 'estimateHours' | 'dueDate' | 'madeAt'>;

const answer = (response: CustomerRequest['responses'][number]): HTMLElement =>
  h(
    'li',
    {},
    h('strong', {}, words(response.stance)),
    ` (${dateOf(response.at)}): ${response.message}`,
    response.estimateHours === null ? null : ` — about ${hours(response.estimateHours)}`,
  );

/** A customer's own requests and what the team told them in answer. */
export const customerRequestsView: View<{ requests: { totalCount: number; edges: { node: CustomerRequest }[] } }> = {
  id: 'your-requests',
  title: 'Your requests',
  wide: true,
  load: ({ client, projectId }) => client.request(CUSTOMER_REQUESTS, { projectId }),
  render: ({ requests }) =>
    requests.edges.length === 0
      ? h('p', { class: 'quiet' }, 'You have raised no requests in this project.')
      : h(
          'div',
          {},
          h(
            'ul',
            { class: 'requests' },
            ...requests.edges.map(({ node }) =>
              h(
                'li',
                { 'data-request': node.id },
                h('h3', {}, node.title),
                h('p', { class: 'quiet' }, `${words(node.kind)}, raised ${dateOf(node.raisedAt)} — ${words(node.status)}`),
                node.responses.length === 0
                  ? h('p', {}, 'No answer yet.')
                  : h('ul', { class: 'answers', 'aria-label': 'What you were told' }, ...node.responses.map(answer)),
              ),
            ),
          ),
          partShown(requests.edges.length, requests.totalCount, 'of your requests, oldest first'),
        ),
};

/** The promises made to the customer: what, by when, and where each stands. */
export const customerCommitmentsView: View<{ commitments: { totalCount: number; edges: { node: CustomerCommitment }[] } }> = {
  id: 'your-commitments',
  title: 'Commitments made to you',
  wide: true,
  load: ({ client, projectId }) => client.request(CUSTOMER_COMMITMENTS, { projectId }),
  render: ({ commitments }) =>
    commitments.edges.length === 0
      ? h('p', { class: 'quiet' }, 'No commitments have been made to you yet.')
      : h(
          'div',
          {},
          h('div', { class: 'scroll' }, commitmentsTable(commitments.edges.map((edge) => edge.node))),
          partShown(commitments.edges.length, commitments.totalCount, 'commitments made to you, oldest first'),
        ),
};

const commitmentsTable = (rows: CustomerCommitment[]): HTMLElement =>
  h(
    'table',
    {},
    h('caption', { class: 'visually-hidden' }, 'Commitments made to you'),
    h('thead', {}, h('tr', {}, ...['What', 'Made', 'Due', 'Estimate', 'Status'].map((header) => h('th', { scope: 'col' }, header)))),
    h(
      'tbody',
      {},
      ...rows.map((node) =>
        h(
          'tr',
          { 'data-commitment': node.id },
          h('td', {}, node.summary),
          h('td', {}, dateOf(node.madeAt)),
          h('td', {}, node.dueDate ?? '–'),
          h('td', {}, hours(node.estimateHours)),
          h('td', {}, words(node.status)),
        ),
      ),
    ),
  );
