import type { PageRows, ReadModelDb } from '@cf/event-store';
import { type RequirementTrigger, readTrigger } from '@cf/requirements';
import { COUNTER, shiftDashboardCounters } from './dashboard-counters.js';

/**
 * A requirement change since the latest baseline counted under a contact session (DIRECT), and
 * what it counts as while that session is voided — "it did not happen: it counts nowhere": the
 * channel of the request named with it, else INTERNAL. The change itself stays (it happened), and
 * its `trigger` in requirementChanges is history; the churn is today's standing.
 */
interface ChurnBySession {
  project_id: string;
  session_id: string;
  position: number;
  /** DIRECT, PROXY, WRITTEN or INTERNAL. */
  without_session: string;
}

export const migrateChurnSessions = async (db: ReadModelDb): Promise<void> => {
  await db.schema
    .createTable('dashboard_churn_sessions')
    .ifNotExists()
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('without_session', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dashboard_churn_sessions_pk', ['session_id', 'position'])
    .execute();
  await db.schema
    .createIndex('dashboard_churn_sessions_by_project')
    .ifNotExists()
    .on('dashboard_churn_sessions')
    .columns(['project_id'])
    .execute();
};

/** Keeps a counted change's session, when a session is its trigger. */
export const churnCountedUnderSession = async (
  rows: PageRows,
  projectId: string,
  trigger: RequirementTrigger | undefined,
  position: number,
): Promise<void> => {
  const counted = readTrigger(trigger);
  if (counted.kind !== 'SESSION') return;
  const request = counted.requestId
    ? await rows.get<{ channel: string }>('dashboard_requests', { request_id: counted.requestId })
    : undefined;
  const row: ChurnBySession = {
    project_id: projectId,
    session_id: counted.sessionId,
    position,
    without_session: request?.channel ?? 'INTERNAL',
  };
  rows.put('dashboard_churn_sessions', row);
};

/** A session voided (or put right again): the changes counted under it move to what they count as without it (or back). */
export const churnSessionVoided = async (rows: PageRows, sessionId: string, voided: boolean): Promise<void> => {
  for (const change of await rows.find<ChurnBySession>('dashboard_churn_sessions', { session_id: sessionId })) {
    const [from, to] = voided ? ['DIRECT', change.without_session] : [change.without_session, 'DIRECT'];
    await shiftDashboardCounters(rows, change.project_id, { [COUNTER.churn(from)]: 1 }, { [COUNTER.churn(to)]: 1 });
  }
};

/** A new baseline starts the churn again: the changes before it move nothing any more. */
export const churnSessionsForgotten = async (rows: PageRows, projectId: string): Promise<void> => {
  for (const change of await rows.find<ChurnBySession>('dashboard_churn_sessions', { project_id: projectId })) {
    rows.delete('dashboard_churn_sessions', { session_id: change.session_id, position: change.position });
  }
};
