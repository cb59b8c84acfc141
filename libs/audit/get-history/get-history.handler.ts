import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { STATUS_AFTER_DECISION } from '@cf/commitments';
import { DomainError } from '@cf/core';
import { EventSourcing } from '@cf/ledger';
import { PersonalData } from '@cf/personal-data';
import { REPORT_HELD_AGAINST_THE_LAST, REPORT_OCCASIONS, WHOLE_STATEMENTS, reportingReadModel } from '@cf/reporting';
import { REQUEST_OCCASIONS, REQUEST_PARTS, REQUEST_STATUS_BY_TYPE } from '@cf/requests';
import { REQUIREMENT_STATED_BY_TYPE } from '@cf/requirements';
import { INTERNAL_ROLES, ProjectAccess, projectsReadModel } from '@cf/projects';
import type { HistoryEntry } from '../graphql/audit.types.js';
import { type AuditRow, auditReadModel } from '../read-model/audit.read-model.js';
import { changesPerKindAsRead } from './changes-per-kind.js';
import type { StatedByType } from './history-rules.js';
import { GetHistoryQuery } from './get-history.query.js';

/** What each event type says of its entity besides its data (HistoryRules.statedByType). */
const STATED_BY_TYPE = {
  ...Object.fromEntries(Object.entries(STATUS_AFTER_DECISION).map(([type, status]) => [type, { status }])),
  ...REQUEST_STATUS_BY_TYPE,
  ...REQUIREMENT_STATED_BY_TYPE,
} as StatedByType;

/**
 * Any entity's events with the fields each changed, and the status reports on it, each with the
 * stream it is in (whose revision it gives); the team of its project reads it, customers do not.
 */
@QueryHandler(GetHistoryQuery)
export class GetHistoryHandler implements IQueryHandler<GetHistoryQuery, HistoryEntry[]> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ id, caller }: GetHistoryQuery): Promise<HistoryEntry[]> {
    const { rows, shown } = await this.eventsOf(id);
    const projectId = rows.find((row) => row.project_id !== null)?.project_id;
    const unknown = DomainError.notFound('Entity', id);
    if (!projectId) throw unknown;
    await this.access.requireNamed(caller, { projectId, unknown }, INTERNAL_ROLES, 'read the history of an entity');
    const events = rows.map((row) => ({ kind: row.entity_kind, type: row.type, data: JSON.parse(row.data) as Record<string, unknown> }));
    const changes = changesPerKindAsRead(events, await this.personalData.unseal(events), {
      statedByType: STATED_BY_TYPE,
      statements: WHOLE_STATEMENTS,
      occasions: { ...REQUEST_OCCASIONS, ...REPORT_OCCASIONS },
      parts: REQUEST_PARTS,
      heldAgainstTheLast: REPORT_HELD_AGAINST_THE_LAST,
    });
    return rows.flatMap((row, index) =>
      shown(row)
        ? [
            {
              stream: row.stream,
              revision: row.revision,
              type: row.type,
              occurredAt: row.occurred_at,
              actor: { userId: row.actor_id, name: row.actor_name },
              changes: changes[index],
            },
          ]
        : [],
    );
  }

  /**
   * An entity's events, and which of them its history shows. A commitment's shows the change orders
   * that covered it too (from each on, it drew first): they are its project's events, so they are
   * read among the project's before them, and their changes read as in the project's own history. A
   * status report, which has no stream of its own, is its report and the acknowledgements of it,
   * in its subject's status stream (the subject's history holds them too). A baseline's is its
   * approval, in its project's stream.
   */
  private async eventsOf(id: string): Promise<{ rows: AuditRow[]; shown: (row: AuditRow) => boolean }> {
    const audit = auditReadModel(this.eventSourcing.readModels);
    const rows = await audit.ofEntity(id);
    const all = () => true;
    if (rows[0]?.entity_kind === 'commitment') {
      const ofProject = await audit.ofEntity(String(rows[0].project_id));
      const covers = (row: AuditRow) =>
        row.type === 'BudgetChanged' &&
        ((JSON.parse(row.data) as { coversCommitmentIds?: string[] }).coversCommitmentIds ?? []).includes(id);
      // The project's rows after the last covering order change nothing shown: neither read nor unsealed.
      const upToLastCover = ofProject.slice(0, ofProject.findLastIndex(covers) + 1);
      return {
        rows: [...rows, ...upToLastCover].sort((a, b) => Number(a.position) - Number(b.position)),
        shown: (row) => row.entity_id === id || covers(row),
      };
    }
    if (rows.length > 0) return { rows, shown: all };
    // A baseline has no stream of its own: its approval is its project's event, its whole history (it never changes).
    const baseline = await projectsReadModel(this.eventSourcing.readModels).baseline(id);
    if (baseline) {
      const approvedIt = (row: AuditRow) =>
        row.type === 'BaselineApproved' && (JSON.parse(row.data) as { baselineId?: unknown }).baselineId === id;
      return { rows: (await audit.ofEntity(baseline.project_id)).filter(approvedIt), shown: all };
    }
    const report = await reportingReadModel(this.eventSourcing.readModels).report(id);
    if (!report) return { rows, shown: all };
    const itsOwn = (row: AuditRow): boolean =>
      Number(row.position) === Number(report.seq) || (JSON.parse(row.data) as { reportId?: unknown }).reportId === id;
    const ofSubject = await audit.ofEntity(report.subject_id);
    return { rows: ofSubject.filter((row) => row.stream === `status-${report.subject_id}` && itsOwn(row)), shown: all };
  }
}
