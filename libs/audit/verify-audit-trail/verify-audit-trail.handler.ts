import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import { ChainVerifier } from '@cf/event-store';
import { Ledger } from '@cf/ledger';
import { AuditAccess } from '../access/audit-access.js';
import type { AuditVerification } from '../graphql/audit.types.js';
import { auditReadModel } from '../read-model/audit.read-model.js';
import { storeStreams } from './store-streams.js';
import { VerifyAuditTrailQuery } from './verify-audit-trail.query.js';

/**
 * Re-computes hash chains from the event store as stored (raw reads: the chain is over stored
 * data, not upcast data). A project's streams are the ones its audit rows name, plus the
 * project's own stream; without a project, every stream in the store.
 */
@QueryHandler(VerifyAuditTrailQuery)
export class VerifyAuditTrailHandler implements IQueryHandler<VerifyAuditTrailQuery, AuditVerification> {
  constructor(private readonly ledger: Ledger, private readonly access: AuditAccess) {}

  async execute({ projectId, caller }: VerifyAuditTrailQuery): Promise<AuditVerification> {
    await this.access.auditableProjects(caller, projectId, 'verify the audit trail');
    const streams = projectId === undefined ? await storeStreams(this.ledger.store) : await this.streamsOf(projectId);
    const verifier = new ChainVerifier();
    for (const stream of streams) verifier.check(await this.ledger.store.readStream(stream, { raw: true }));
    const result = verifier.result();
    const broken = result.firstBrokenLink;
    // The portal counts revisions from 1 (the entity's events so far); the store from 0.
    return { ...result, firstBrokenLink: broken && { ...broken, revision: broken.revision + 1 } };
  }

  private async streamsOf(projectId: string): Promise<string[]> {
    const project = streamName('project', projectId);
    const streams = await auditReadModel(this.ledger.readModels).streamsOfProject(projectId);
    return [project, ...streams.filter((stream) => stream !== project)];
  }
}
