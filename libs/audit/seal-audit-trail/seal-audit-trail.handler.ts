import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@cf/core';
import { EventSourcing } from '@cf/ledger';
import { AuditAccess } from '../access/audit-access.js';
import type { AuditSeal } from '../graphql/audit.types.js';
import { projectChainHead } from '../verify-audit-trail/project-chain.js';
import { inLogOrder, readProjectStreams } from '../verify-audit-trail/project-streams.js';
import { SealAuditTrailQuery } from './seal-audit-trail.query.js';

/** The head of a project's chain, read from the store, for an auditor to keep and verify against later. */
@QueryHandler(SealAuditTrailQuery)
export class SealAuditTrailHandler implements IQueryHandler<SealAuditTrailQuery, AuditSeal> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: AuditAccess,
  ) {}

  async execute({ projectId, caller }: SealAuditTrailQuery): Promise<AuditSeal> {
    await this.access.auditableProjects(caller, projectId, 'seal the audit trail');
    const head = projectChainHead(inLogOrder(await readProjectStreams(this.eventSourcing, projectId)));
    if (!head) throw DomainError.notFound('Project', projectId);
    return { position: head.position.toString(), hash: head.hash, at: head.at };
  }
}
