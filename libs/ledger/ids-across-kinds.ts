import { DomainError } from '@cf/core';
import type { EventStore } from '@cf/event-store';

const ENTITY_KINDS = ['project', 'contact', 'session', 'request', 'requirement', 'commitment'];

/** Streams that carry an entity's id by design: a project's budget, the status reports on a request, requirement or commitment. */
const COMPANIONS: Record<string, readonly string[]> = { budget: ['project'], status: ['request', 'requirement', 'commitment'] };

/**
 * Refuses an id a client chose when a stream of another kind already has it (`history(id)` would
 * mix both). Ids the service makes are UUIDv7 and never collide; only chosen ones are checked.
 * The answer names no kind: the id may belong to another project.
 */
export const requireIdOfNoOtherKind = async (store: EventStore, kind: string, id: string, field = 'id'): Promise<void> => {
  for (const other of [...ENTITY_KINDS, ...Object.keys(COMPANIONS)]) {
    if (other === kind || COMPANIONS[other]?.includes(kind)) continue;
    if ((await store.lastIndexOf(`${other}-${id}`)) >= 0) {
      throw DomainError.badInput(field, `is already the id of something else; leave ${field} out or choose another`);
    }
  }
};
