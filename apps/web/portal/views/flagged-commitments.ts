import type { View } from '../board.js';
import { FLAGGED_COMMITMENTS } from '../documents.js';
import { h } from '../elements.js';
import { type CommitmentRow, commitmentTable } from './commitment-columns.js';

interface Listed {
  totalCount: number;
  edges: { node: CommitmentRow }[];
}

interface FlaggedData {
  outsideBudget: Listed;
  withoutAuthority: Listed;
}

/** Both lists as one, each commitment once, oldest promise first. */
export const mergedRows = ({ outsideBudget, withoutAuthority }: FlaggedData): CommitmentRow[] => {
  const byId = new Map([...outsideBudget.edges, ...withoutAuthority.edges].map((edge) => [edge.node.id, edge.node]));
  return [...byId.values()].sort((a, b) => a.madeAt.localeCompare(b.madeAt));
};

/** The promises the organisation fears: beyond the budget, or by someone who could not approve them. */
export const flaggedCommitmentsView: View<FlaggedData> = {
  id: 'flagged-commitments',
  title: 'Commitments outside the budget or made without authority',
  wide: true,
  load: ({ client, projectId }) => client.request<FlaggedData>(FLAGGED_COMMITMENTS, { projectId }),
  render: (data) => {
    const rows = mergedRows(data);
    if (rows.length === 0) return h('p', { class: 'good' }, 'None: every promise fits the budget and was made with authority.');
    return h('div', {},
      h('p', {}, `${data.outsideBudget.totalCount} outside the budget, ${data.withoutAuthority.totalCount} made without authority.`),
      h('div', { class: 'scroll' }, commitmentTable(rows, 'Commitments outside the budget or made without authority')));
  },
};
