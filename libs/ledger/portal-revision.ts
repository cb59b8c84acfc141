import { DomainError, entityOfStream } from '@cf/core';
import { ChangedSince } from '@cf/event-store';

/**
 * The portal counts a stream's revisions from 1 (events so far); the store counts from 0. And it
 * knows entities, not streams: a CONFLICT names the entity and its id, as every other refusal does.
 */
export const asPortalRevision = (error: unknown): unknown => {
  if (error instanceof ChangedSince) {
    const { streamPrefix, projectId } = error.condition;
    const changed = DomainError.changedMeanwhile('Project', projectId, `new ${entityOfStream(`${streamPrefix}x`).entity} events`);
    changed.cause = error; // FactsOnRecord tells its own conditions by it
    return changed;
  }
  if (!(error instanceof DomainError) || error.code !== 'CONFLICT' || error.details.stream === undefined) return error;
  const { entity, id } = entityOfStream(String(error.details.stream));
  const revision = Number(error.details.currentRevision) + 1;
  const { lostRace, expected } = error.details;
  const stale = lostRace
    ? DomainError.lostRace(entity, id, revision)
    : expected === undefined
      ? DomainError.staleEntity(entity, id, revision)
      : DomainError.unexpectedRevision(entity, id, revision, Number(expected) + 1);
  // Which stream moved stays with it (never sent): FactsOnRecord tells a moved fact from a sender's stale revision by it.
  stale.cause = error;
  return stale;
};
