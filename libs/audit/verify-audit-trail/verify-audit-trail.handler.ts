import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@cf/core';
import { type BrokenChainLink, ChainVerifier } from '@cf/event-store';
import { EventSourcing } from '@cf/ledger';
import { AuditAccess } from '../access/audit-access.js';
import type { AuditSealInput, AuditVerification } from '../graphql/audit.types.js';
import { auditReadModel } from '../read-model/audit.read-model.js';
import { checkSeal } from './project-chain.js';
import { inLogOrder, readProjectStreams } from './project-streams.js';
import { VerifyAuditTrailQuery } from './verify-audit-trail.query.js';

/**
 * Re-computes the hash chains of the project asked for, or of every project the caller audits
 * (never the whole store: other customers' projects are not the caller's to check), from the
 * event store as stored. With a seal, also the project's chain up to it: a deleted tail shows.
 */
@QueryHandler(VerifyAuditTrailQuery)
export class VerifyAuditTrailHandler implements IQueryHandler<VerifyAuditTrailQuery, AuditVerification> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: AuditAccess,
  ) {}

  async execute({ projectId, seal: given, caller }: VerifyAuditTrailQuery): Promise<AuditVerification> {
    const seal = given && { ...given, hash: given.hash.toLowerCase() };
    if (seal && projectId === undefined) throw DomainError.badInput('seal', 'needs the projectId it was read for');
    const projectIds = await this.access.auditableProjects(caller, projectId, 'verify the audit trail');
    if (seal) await this.requireWithinLog(seal);
    const verifier = new ChainVerifier();
    let sealBroken: BrokenChainLink | null = null;
    for (const id of projectIds) {
      const streams = await readProjectStreams(this.eventSourcing, id);
      for (const events of streams) verifier.check(events);
      if (seal) sealBroken = await this.againstSeal(id, inLogOrder(streams), seal);
    }
    const result = verifier.result();
    const broken = result.firstBrokenLink ?? sealBroken;
    // A stream's revisions count from 1 (its events so far); the store indexes from 0.
    const firstBrokenLink = broken && {
      stream: broken.stream,
      revision: broken.indexInStream + 1,
      position: broken.position.toString(),
      reason: broken.reason,
    };
    return { ...result, ok: broken === null, firstBrokenLink };
  }

  /**
   * A seal names an event of the log it was read from, so a position past every one the store
   * and the audit log hold names no event to report a broken link at: refused, saying both what
   * it may be (no seal of this log, or a log whose last events were deleted once the audit log was
   * rebuilt). The audit log's reach counts, so a deleted last event it still lists shows as MISSING_EVENT.
   */
  private async requireWithinLog(seal: AuditSealInput): Promise<void> {
    const storeHead = await this.eventSourcing.store.headPosition();
    const audited = await auditReadModel(this.eventSourcing.readModels).lastPosition();
    const last = storeHead > audited ? storeHead : audited;
    if (BigInt(seal.position) > last) {
      throw DomainError.badInput(
        'position',
        `the seal's position ${seal.position} is past the log's last event (${last}), so nothing here is left to check it against: ` +
          'it is no seal of this log, or the events from there on were deleted (and the read models rebuilt since)',
      );
    }
  }

  private async againstSeal(
    projectId: string,
    events: Parameters<typeof checkSeal>[0],
    seal: AuditSealInput,
  ): Promise<BrokenChainLink | null> {
    const position = BigInt(seal.position);
    const places = await auditReadModel(this.eventSourcing.readModels).placesUpTo(projectId, Number(position));
    // A seal is at one of the project's events: one at another project's event is none of its seals. A position
    // that holds no event at all may be a sealed event deleted (the audit log rebuilt since keeps no place of it).
    const ours = places.some((place) => BigInt(place.position) === position) || events.some((event) => event.position === position);
    if (!ours && (await this.eventSourcing.eventAt(position)))
      throw DomainError.badInput(
        'position',
        `the seal's position ${seal.position} holds an event of another project: auditSeal gave out no such seal for this one`,
      );
    return checkSeal(events, { position, hash: seal.hash }, places);
  }
}
