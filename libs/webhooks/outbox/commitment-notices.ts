import { type CommitmentEvent, type CommitmentRevised, type JudgementFlags, STATUS_AFTER_DECISION, judgementFlags } from '@cf/commitments';
import type { PageRows } from '@cf/event-store';
import type { WebhookNotice } from './webhook-notice.js';

interface CommitmentRow {
  id: string;
  project_id: string;
  summary: string;
  estimate_hours: number;
  due_date: string | null;
  status: string;
  standing: string;
}

/**
 * The commitment as a webhook's subject: its summary, estimate, status and standing as made
 * (history); told of a revision of its estimate or links, also its standing today as that
 * revision left it (judgedAtRevision), which is what a relink moves.
 */
const subjectOf = (row: CommitmentRow, revised?: CommitmentRevised['data']): Record<string, unknown> => ({
  type: 'COMMITMENT',
  id: row.id,
  summary: row.summary,
  estimateHours: Number(row.estimate_hours),
  dueDate: row.due_date,
  status: row.status,
  standing: JSON.parse(row.standing) as JudgementFlags,
  ...(revised?.judgedAtRevision ? { judgedAtRevision: judgementFlags(revised.judgedAtRevision) } : {}),
});

const notice = (event: WebhookNotice['event'], row: CommitmentRow, revised?: CommitmentRevised['data']): WebhookNotice => ({
  event,
  key: event,
  projectId: row.project_id,
  subject: subjectOf(row, revised),
});

/**
 * Keeps what a commitment's notices tell and says which notices a commitment event raises: made
 * or revised into PENDING_APPROVAL (awaiting approval), judged outside the budget when made or
 * when a raise re-judged it, or left outside today by a relink that sent it for approval (and it
 * was not outside as made already), and rejected.
 */
export const commitmentNotices = async (rows: PageRows, event: CommitmentEvent): Promise<WebhookNotice[]> => {
  if (event.type === 'CommitmentMade') {
    const { data } = event;
    const row: CommitmentRow = {
      id: data.commitmentId,
      project_id: data.projectId,
      summary: data.summary,
      estimate_hours: data.estimateHours,
      due_date: data.dueDate ?? null,
      status: data.status,
      standing: JSON.stringify(judgementFlags(data.atDecision)),
    };
    rows.put('webhook_commitments', row);
    return [
      ...(row.status === 'PENDING_APPROVAL' ? [notice('COMMITMENT_AWAITING_APPROVAL', row)] : []),
      ...(data.atDecision.outsideBudget ? [notice('COMMITMENT_OUTSIDE_BUDGET', row)] : []),
    ];
  }
  const before = await rows.get<CommitmentRow>('webhook_commitments', { id: event.data.commitmentId });
  if (!before) return [];
  const type = event.type;
  const revised = event.type === 'CommitmentRevised' ? event.data : undefined;
  const status = revised?.status ?? (STATUS_AFTER_DECISION as Partial<Record<string, string>>)[type] ?? before.status;
  const row: CommitmentRow = revised
    ? {
        ...before,
        estimate_hours: revised.estimateHours,
        due_date: revised.dueDate ?? null,
        status,
        standing: revised.atDecision ? JSON.stringify(judgementFlags(revised.atDecision)) : before.standing,
      }
    : { ...before, status };
  rows.put('webhook_commitments', row);
  const wasOutside = (JSON.parse(before.standing) as JudgementFlags).outsideBudget;
  const intoApproval = type === 'CommitmentRevised' && status === 'PENDING_APPROVAL' && before.status !== 'PENDING_APPROVAL';
  // Outside as made by a raise (history), or, by a relink that leaves it outside today and sends it for approval, once per wait.
  const outside = revised?.atDecision
    ? revised.atDecision.outsideBudget
    : intoApproval && revised?.judgedAtRevision?.outsideBudget === true;
  return [
    ...(type === 'CommitmentRejected' ? [notice('COMMITMENT_REJECTED', row)] : []),
    ...(intoApproval ? [notice('COMMITMENT_AWAITING_APPROVAL', row, revised)] : []),
    ...(outside && !wasOutside ? [notice('COMMITMENT_OUTSIDE_BUDGET', row, revised)] : []),
  ];
};
