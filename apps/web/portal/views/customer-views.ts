import type { View } from '../board.js';
import { CUSTOMER_COMMITMENTS, CUSTOMER_REQUESTS } from '../documents/customer.js';
import { h } from '../elements.js';
import { dateOf, hours, words } from '../figures.js';
import type { CommitmentRow } from './commitment-columns.js';
import { type PageInfo, pageTurns } from './page-turns.js';
import { type Column, stackedTable } from './stacked-table.js';

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

/** A page of a customer's list, with where the next one starts. */
type Listed<Node> = { totalCount: number; pageInfo: PageInfo; edges: { node: Node }[] };

/** A customer's own requests and what the team told them in answer. */
export const customerRequestsView: View<{ requests: Listed<CustomerRequest> }> = {
  id: 'your-requests',
  title: 'Your requests',
  wide: true,
  load: (context) =>
    pageTurns(context, 'your-requests').load(
      (page) => context.client.request<{ requests: Listed<CustomerRequest> }>(CUSTOMER_REQUESTS, { projectId: context.projectId, ...page }),
      (data) => data.requests.edges.length,
    ),
  render: ({ requests }, context) =>
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
          pageTurns(context, 'your-requests').controls(
            requests.edges.length,
            requests.totalCount,
            requests.pageInfo,
            'of your requests, oldest first',
          ),
        ),
};

/** The promises made to the customer: what, by when, and where each stands. */
export const customerCommitmentsView: View<{ commitments: Listed<CustomerCommitment> }> = {
  id: 'your-commitments',
  title: 'Commitments made to you',
  wide: true,
  load: (context) =>
    pageTurns(context, 'your-commitments').load(
      (page) =>
        context.client.request<{ commitments: Listed<CustomerCommitment> }>(CUSTOMER_COMMITMENTS, {
          projectId: context.projectId,
          ...page,
        }),
      (data) => data.commitments.edges.length,
    ),
  render: ({ commitments }, context) =>
    commitments.edges.length === 0
      ? h('p', { class: 'quiet' }, 'No commitments have been made to you yet.')
      : h(
          'div',
          {},
          h('div', { class: 'scroll' }, commitmentsTable(commitments.edges.map((edge) => edge.node))),
          pageTurns(context, 'your-commitments').controls(
            commitments.edges.length,
            commitments.totalCount,
            commitments.pageInfo,
            'commitments made to you, oldest first',
          ),
        ),
};

const CUSTOMER_COMMITMENT_COLUMNS: Column<CustomerCommitment>[] = [
  { header: 'What', freeText: true, cell: (node) => node.summary },
  { header: 'Made', cell: (node) => h('time', {}, dateOf(node.madeAt)) },
  { header: 'Due', cell: (node) => (node.dueDate ? h('time', {}, node.dueDate) : '–') },
  { header: 'Estimate', cell: (node) => hours(node.estimateHours) },
  { header: 'Status', cell: (node) => words(node.status) },
];

const commitmentsTable = (rows: CustomerCommitment[]): HTMLElement =>
  stackedTable('Commitments made to you', CUSTOMER_COMMITMENT_COLUMNS, rows, (node) => ({ 'data-commitment': node.id }));
