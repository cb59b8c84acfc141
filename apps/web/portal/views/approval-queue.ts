import type { View, ViewContext } from '../board.js';
import { APPROVAL_QUEUE } from '../documents/commitments.js';
import { APPROVE_COMMITMENT, COMMITMENT_STATUS, REJECT_COMMITMENT } from '../documents/commitment-decisions.js';
import { h } from '../elements.js';
import { GraphQLFailure } from '../graphql-client.js';
import { COMMITMENT_COLUMNS, type Column, type CommitmentRow, commitmentTable } from './commitment-columns.js';
import { choicesKept, noteAndChoice } from './note-and-choice.js';
import { type PageInfo, pageTurns } from './page-turns.js';

interface QueueData {
  commitments: { totalCount: number; pageInfo: PageInfo; edges: { node: CommitmentRow }[] };
}

/**
 * A decision that got no answer (the network dropped it, the service restarted) may have been
 * recorded: the status the API holds now, or undefined when it cannot say either. An answer the
 * API gave, a refusal, says itself what happened.
 */
const statusAfterLostAnswer = async (context: ViewContext, id: string, error: unknown): Promise<string | undefined> => {
  if (error instanceof GraphQLFailure && error.code !== undefined) return undefined;
  try {
    const { commitment } = await context.client.request<{ commitment: { status: string } | null }>(COMMITMENT_STATUS, { id });
    return commitment?.status;
  } catch {
    return undefined;
  }
};

const decide = async (context: ViewContext, row: CommitmentRow, approve: boolean, status: HTMLElement): Promise<void> => {
  const { notes, keys } = choicesKept(context, 'approval');
  const note = notes.get(row.id)?.trim() ?? '';
  if (!approve && !note) {
    status.textContent = `Say why you reject “${row.summary}” in its note first.`;
    // Where the words go: the keyboard is taken there, not left on Reject.
    document.getElementById(`note-${row.id}`)?.focus();
    return;
  }
  status.textContent = `${approve ? 'Approving' : 'Rejecting'} “${row.summary}”…`;
  const decision = JSON.stringify([row.id, approve, note]);
  try {
    const input = { commitmentId: row.id, note, idempotencyKey: keys.keyOf(decision) };
    await context.client.request(approve ? APPROVE_COMMITMENT : REJECT_COMMITMENT, { input });
    keys.answered(decision);
    notes.delete(row.id);
    status.textContent = `${approve ? 'Approved' : 'Rejected'} “${row.summary}”.`;
    await context.refresh();
  } catch (error) {
    const now = await statusAfterLostAnswer(context, row.id, error);
    if (now === undefined || now === 'PENDING_APPROVAL') {
      status.textContent = `Could not decide “${row.summary}”: ${(error as Error).message}`;
      return;
    }
    // Decided after all, by this decision or another manager's: no longer one to try again.
    keys.answered(decision);
    notes.delete(row.id);
    status.textContent = `“${row.summary}” is ${now.toLowerCase()} now; the answer to your decision did not come back.`;
    await context.refresh();
  }
};

const decisionColumn = (context: ViewContext, status: HTMLElement): Column => ({
  header: 'Decision',
  cell: (row) =>
    noteAndChoice({ id: row.id, name: row.summary }, choicesKept(context, 'approval').notes, [
      { label: 'Approve', kind: 'approve', choose: () => decide(context, row, true, status) },
      { label: 'Reject', kind: 'reject', choose: () => decide(context, row, false, status) },
    ]),
});

/** Commitments waiting for a manager; a manager decides here, the others see what waits. */
export const approvalQueueView: View<QueueData> = {
  id: 'approval-queue',
  title: 'Waiting for approval',
  wide: true,
  load: (context) =>
    pageTurns(context, 'approval').load(
      (page) => context.client.request<QueueData>(APPROVAL_QUEUE, { projectId: context.projectId, ...page }),
      (data) => data.commitments.edges.length,
    ),
  render: ({ commitments }, context) => {
    const { status } = choicesKept(context, 'approval');
    const rows = commitments.edges.map((edge) => edge.node);
    if (rows.length === 0) return h('div', {}, status, h('p', { class: 'good' }, 'Nothing waits for approval.'));
    const manager = context.role === 'MANAGER';
    const columns = manager ? [...COMMITMENT_COLUMNS, decisionColumn(context, status)] : COMMITMENT_COLUMNS;
    return h(
      'div',
      {},
      status,
      manager ? null : h('p', { class: 'quiet' }, 'Only a manager of the project approves or rejects.'),
      h('div', { class: 'scroll' }, commitmentTable(rows, 'Commitments waiting for approval', columns)),
      pageTurns(context, 'approval').controls(
        rows.length,
        commitments.totalCount,
        commitments.pageInfo,
        'commitments waiting for approval',
      ),
    );
  },
};
