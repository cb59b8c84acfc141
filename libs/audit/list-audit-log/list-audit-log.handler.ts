import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { categoryOfStream, DomainError, idOfStream, isStreamCategory, STREAM_CATEGORIES, streamName } from '@cf/core';
import { EventSourcing, type Page, pageSize } from '@cf/ledger';
import { AuditAccess } from '../access/audit-access.js';
import { toAuditEntry } from '../graphql/audit.mapping.js';
import type { AuditEntry } from '../graphql/audit.types.js';
import { auditReadModel } from '../read-model/audit.read-model.js';
import { ListAuditLogQuery } from './list-audit-log.query.js';
import { requireRecordedEventTypes } from '../read-model/recorded-event-types.js';

/** The cursor is the position itself: an auditor can note it and resume from it later. */
const afterPosition = (after: string | undefined): number => {
  if (after === undefined) return 0;
  const position = /^\d{1,16}$/.test(after) ? Number(after) : Number.NaN;
  if (!Number.isSafeInteger(position))
    throw DomainError.badInput(
      'after',
      "must be a position in the log (a decimal string): an entry's cursor, or a position noted to resume from",
    );
  return position;
};

/**
 * The names a stream filter may match: as given, and with its id in lowercase, as the service
 * writes ids (a project opened with its id in capitals before ids were kept in lowercase keeps
 * them; no two entities' ids differ by case only). A name of no kind of stream is refused, not answered empty.
 */
const streamsNamed = (stream: string): string[] => {
  const category = categoryOfStream(stream).toLowerCase();
  const id = idOfStream(stream).toLowerCase();
  if (!stream.includes('-') || id === '' || !isStreamCategory(category))
    throw DomainError.badInput('stream', `must be a stream's name, <kind>-<id>, its kind one of ${STREAM_CATEGORIES.join(', ')}`);
  return [...new Set([stream, streamName(category, id)])];
};

/** Every event in global order, filtered, limited to the projects the caller audits. */
@QueryHandler(ListAuditLogQuery)
export class ListAuditLogHandler implements IQueryHandler<ListAuditLogQuery, Page<AuditEntry>> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: AuditAccess,
  ) {}

  async execute({ filter, first, after, caller }: ListAuditLogQuery): Promise<Page<AuditEntry>> {
    const size = pageSize(first);
    const from = afterPosition(after);
    // A span that ends before it begins holds no event: a slip (the two swapped), refused rather than answered empty.
    if (filter.from && filter.to && Date.parse(filter.to) < Date.parse(filter.from))
      throw DomainError.badInput('to', `is before from (${filter.from}): no event occurred in that span`);
    requireRecordedEventTypes(filter.types);
    const projectIds = await this.access.auditableProjects(caller, filter.projectId ?? undefined, 'read the audit log');
    // A client may send a filter field as null: that means "not filtered", like leaving it out.
    const given = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== null && value !== undefined));
    const rowFilter = { ...given, ...(filter.stream ? { stream: streamsNamed(filter.stream) } : {}), projectIds };
    const read = auditReadModel(this.eventSourcing.readModels);
    const rows = await read.page(rowFilter, from, size + 1);
    const edges = rows.slice(0, size).map((row) => ({ cursor: String(row.position), node: toAuditEntry(row) }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: await read.count(rowFilter),
    };
  }
}
