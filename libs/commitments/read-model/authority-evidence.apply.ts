import type { PageRows } from '@cf/event-store';
import { type CommitmentRow, readCommitmentRow, writeCommitmentRow } from './commitment-row.js';
import { placeOf, rejudge } from './standing.apply.js';

/**
 * The first-hand evidence that a request was asked with authority, and whether it still holds.
 * A DIRECT request or a confirmation rests on a contact session its requester attended; when that
 * session is voided ("it did not happen: it counts nowhere") or corrected so that they were not
 * there, the evidence falls, and so does the request's authority — for today's standing and for
 * every decision from then on. A confirmation rests on a session on or after the day its request
 * was raised (`not_before`): a session corrected to an earlier day no longer holds it. What was
 * judged when made (`atDecision`) is history and stays.
 * Evidence in writing (a WRITTEN request, a confirmation by the CUSTOMER member) rests on no
 * session (`session_id` '').
 */
interface EvidenceRow {
  request_id: string;
  session_id: string;
  contact_id: string;
  not_before: string;
}
interface SessionRow {
  session_id: string;
  voided: number;
  contact_ids: string;
  date: string;
}
interface RequestAuthorityRow {
  request_id: string;
  asked_with_authority: number;
}

export interface SessionFacts {
  sessionId: string;
  contactIds: string[];
  date: string;
}

export const sessionLogged = async (rows: PageRows, d: SessionFacts): Promise<void> => {
  rows.put('commitment_sessions', { session_id: d.sessionId, voided: 0, contact_ids: JSON.stringify(d.contactIds), date: d.date });
};

/** Who attended, when, or whether it took place, changed: every request whose evidence it is is assessed again. */
export const sessionCorrected = async (
  rows: PageRows,
  d: Partial<SessionFacts> & { sessionId: string; voided?: boolean },
): Promise<void> => {
  if (d.contactIds === undefined && d.voided === undefined && d.date === undefined) return;
  const session = await rows.get<SessionRow>('commitment_sessions', { session_id: d.sessionId });
  if (!session) return;
  rows.put('commitment_sessions', {
    ...session,
    ...(d.contactIds === undefined ? {} : { contact_ids: JSON.stringify(d.contactIds) }),
    ...(d.voided === undefined ? {} : { voided: d.voided ? 1 : 0 }),
    ...(d.date === undefined ? {} : { date: d.date }),
  });
  for (const evidence of await rows.find<EvidenceRow>('commitment_authority_evidence', { session_id: d.sessionId })) {
    await reassessRequest(rows, evidence.request_id);
  }
};

/**
 * Keeps evidence given by a contact who could approve scope then; reassessRequest (or
 * withAuthorityNow) reads it. `notBefore`: the first day its session may be on (a confirmation's).
 */
export const keepEvidence = (
  rows: PageRows,
  requestId: string,
  given: { sessionId?: string; contactId: string; notBefore?: string },
): void => {
  rows.put('commitment_authority_evidence', {
    request_id: requestId,
    session_id: given.sessionId ?? '',
    contact_id: given.contactId,
    not_before: given.notBefore ?? '',
  });
};

/** 1 when any of the request's evidence holds today, else 0. */
export const withAuthorityNow = async (rows: PageRows, requestId: string): Promise<number> => {
  const evidence = await rows.find<EvidenceRow>('commitment_authority_evidence', { request_id: requestId });
  const bySession = evidence.filter((e) => e.session_id !== '');
  const sessions = await rows.getMany<SessionRow>(
    'commitment_sessions',
    bySession.map((e) => ({ session_id: e.session_id })),
  );
  const holds = (e: EvidenceRow, session: SessionRow | undefined): boolean =>
    session !== undefined &&
    session.voided === 0 &&
    (JSON.parse(session.contact_ids) as string[]).includes(e.contact_id) &&
    session.date >= e.not_before;
  return evidence.some((e) => e.session_id === '') || bySession.some((e, i) => holds(e, sessions[i])) ? 1 : 0;
};

/** The request's authority as its evidence stands; where it changed, its active commitments' too. */
export const reassessRequest = async (rows: PageRows, requestId: string): Promise<void> => {
  const request = await rows.get<RequestAuthorityRow>('commitment_request_authority', { request_id: requestId });
  if (!request) return;
  const now = await withAuthorityNow(rows, requestId);
  if (now === request.asked_with_authority) return;
  rows.put('commitment_request_authority', { ...request, asked_with_authority: now });
  for (const id of await activeCommitmentsOn(rows, requestId)) {
    const row = await readCommitmentRow(rows, id);
    if (!row) continue;
    const asked = await anyRequestWithAuthority(rows, row);
    if (asked === row.asked_with_authority) continue;
    await writeCommitmentRow(rows, row, { ...row, asked_with_authority: asked });
    rejudge(rows, row.project_id, placeOf(row));
  }
};

/** The ids of the active commitments linked to a request, in the order they were made. */
const activeCommitmentsOn = async (rows: PageRows, requestId: string): Promise<string[]> => {
  const links = await rows.find<{ commitment_id: string }>('commitment_requests', { request_id: requestId });
  // Only whether each is active and when it was made: a page may look at thousands of them.
  type Linked = Pick<CommitmentRow, 'id' | 'active' | 'seq'>;
  const linked = await rows.peek<Linked>(
    'commitments',
    links.map((link) => ({ id: link.commitment_id })),
    ['active', 'seq'],
  );
  return linked
    .filter((row): row is Linked => row?.active === 1)
    .sort((a, b) => Number(a.seq) - Number(b.seq))
    .map((row) => row.id);
};

const anyRequestWithAuthority = async (rows: PageRows, row: CommitmentRow): Promise<number> => {
  const links = await rows.find<{ request_id: string }>('commitment_requests', { commitment_id: row.id });
  const requests = await rows.getMany<RequestAuthorityRow>(
    'commitment_request_authority',
    links.map((link) => ({ request_id: link.request_id })),
  );
  return requests.some((r) => r?.asked_with_authority === 1) ? 1 : 0;
};
