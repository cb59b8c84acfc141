import { type CommitmentEvent, type CommitmentRevised, STATUS_AFTER_DECISION } from '@cf/commitments';
import type { PageRows } from '@cf/event-store';
import type { WebhookNotice } from './webhook-notice.js';

/** The flags of a commitment's judgement at its latest decision that judged it: no reasons (they name contacts). */
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

const standingOf = (judged: Standing): Standing => ({
  outsideRequirements: judged.outsideRequirements,
  outsideBudget: judged.outsideBudget,
  exceedsBudgetByHours: judged.exceedsBudgetByHours,
  madeWithoutAuthority: judged.madeWithoutAuthority,
  requestedWithoutAuthority: judged.requestedWithoutAuthority,
});

/**
 * What a revision judged: the commitment as it stood after it, which its status follows
 * (judgedAtRevision; a relink moves that, never atDecision), or, in a log from before revisions
 * recorded it, the judgement it kept (atDecision), if it judged again at all.
 */
const judgedBy = (revised: CommitmentRevised['data']): Standing | undefined => revised.judgedAtRevision ?? revised.atDecision;

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

const notice = (event: WebhookNotice['event'], row: CommitmentRow): WebhookNotice => ({
  event,
  key: event,
  projectId: row.project_id,
  subject: subjectOf(row),
});

/**
 * Keeps what a commitment's notices tell and says which notices a commitment event raises: made
 * or revised into PENDING_APPROVAL (awaiting approval), judged outside the budget when made or
 * when a revision re-judged it (and it was not already), and rejected.
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
      standing: JSON.stringify(standingOf(data.atDecision)),
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
  const judged = revised && judgedBy(revised);
  const status = revised?.status ?? (STATUS_AFTER_DECISION as Partial<Record<string, string>>)[type] ?? before.status;
  const row: CommitmentRow = revised
    ? {
        ...before,
        estimate_hours: revised.estimateHours,
        due_date: revised.dueDate ?? null,
        status,
        standing: judged ? JSON.stringify(standingOf(judged)) : before.standing,
      }
    : { ...before, status };
  rows.put('webhook_commitments', row);
  const wasOutside = (JSON.parse(before.standing) as Standing).outsideBudget;
  return [
    ...(type === 'CommitmentRejected' ? [notice('COMMITMENT_REJECTED', row)] : []),
    ...(type === 'CommitmentRevised' && status === 'PENDING_APPROVAL' && before.status !== 'PENDING_APPROVAL'
      ? [notice('COMMITMENT_AWAITING_APPROVAL', row)]
      : []),
    ...(judged?.outsideBudget && !wasOutside ? [notice('COMMITMENT_OUTSIDE_BUDGET', row)] : []),
  ];
};
