import type { ReadModelTransaction } from '@cf/event-store';
import type { WebhookNotice } from './webhook-notice.js';

/** The flags of a commitment's judgement at its latest decision: no reasons (they name contacts). */
interface Standing {
  outsideRequirements: boolean;
  outsideBudget: boolean;
  exceedsBudgetByHours: number;
  madeWithoutAuthority: boolean;
  requestedWithoutAuthority: boolean;
}

interface CommitmentRow {
  id: string;
  project_id: string;
  summary: string;
  estimate_hours: number;
  due_date: string | null;
  status: string;
  standing: string;
}

type Data = Record<string, any>;

const standingOf = (atDecision: Data): Standing => ({
  outsideRequirements: Boolean(atDecision.outsideRequirements),
  outsideBudget: Boolean(atDecision.outsideBudget),
  exceedsBudgetByHours: Number(atDecision.exceedsBudgetByHours ?? 0),
  madeWithoutAuthority: Boolean(atDecision.madeWithoutAuthority),
  requestedWithoutAuthority: Boolean(atDecision.requestedWithoutAuthority),
});

/** The commitment as a webhook's subject: its summary, estimate, status and standing. */
const subjectOf = (row: CommitmentRow): Record<string, unknown> => ({
  type: 'COMMITMENT',
  id: row.id,
  summary: row.summary,
  estimateHours: Number(row.estimate_hours),
  dueDate: row.due_date,
  status: row.status,
  standing: JSON.parse(row.standing) as Standing,
});

const notice = (event: WebhookNotice['event'], row: CommitmentRow): WebhookNotice =>
  ({ event, key: event, projectId: row.project_id, subject: subjectOf(row) });

/**
 * Keeps what a commitment's notices tell and says which notices a commitment event raises: made
 * or revised into PENDING_APPROVAL (awaiting approval), judged outside the budget when made or
 * when a revision re-judged it (and it was not already), and rejected.
 */
export const commitmentNotices = async (trx: ReadModelTransaction, type: string, data: Data): Promise<WebhookNotice[]> => {
  const before = await trx.selectFrom('webhook_commitments').selectAll().where('id', '=', data.commitmentId).executeTakeFirst() as CommitmentRow | undefined;
  if (type === 'CommitmentMade') {
    const row: CommitmentRow = {
      id: data.commitmentId, project_id: data.projectId, summary: data.summary, estimate_hours: data.estimateHours,
      due_date: data.dueDate ?? null, status: data.status, standing: JSON.stringify(standingOf(data.atDecision ?? {})),
    };
    await trx.insertInto('webhook_commitments').values(row).execute();
    return [
      ...(row.status === 'PENDING_APPROVAL' ? [notice('COMMITMENT_AWAITING_APPROVAL', row)] : []),
      ...(data.atDecision?.outsideBudget ? [notice('COMMITMENT_OUTSIDE_BUDGET', row)] : []),
    ];
  }
  if (!before) return [];
  const status = ({ CommitmentApproved: 'APPROVED', CommitmentRejected: 'REJECTED', CommitmentWithdrawn: 'WITHDRAWN', CommitmentDelivered: 'DELIVERED' } as Data)[type] ?? data.status ?? before.status;
  const row: CommitmentRow = type === 'CommitmentRevised'
    ? { ...before, estimate_hours: data.estimateHours, due_date: data.dueDate ?? null, status, standing: data.atDecision ? JSON.stringify(standingOf(data.atDecision)) : before.standing }
    : { ...before, status };
  await trx.updateTable('webhook_commitments').set(row).where('id', '=', row.id).execute();
  const wasOutside = (JSON.parse(before.standing) as Standing).outsideBudget;
  return [
    ...(type === 'CommitmentRejected' ? [notice('COMMITMENT_REJECTED', row)] : []),
    ...(type === 'CommitmentRevised' && status === 'PENDING_APPROVAL' && before.status !== 'PENDING_APPROVAL' ? [notice('COMMITMENT_AWAITING_APPROVAL', row)] : []),
    ...(type === 'CommitmentRevised' && data.atDecision?.outsideBudget && !wasOutside ? [notice('COMMITMENT_OUTSIDE_BUDGET', row)] : []),
  ];
};
