import { Injectable, type Provider } from '@nestjs/common';
import { DomainError } from '@cf/core';
import type { ReadModelDb } from '@cf/event-store';
import { EventSourcing } from './event-sourcing.service.js';

/** Kinds found by their stream `<kind>-<id>`. */
const ENTITY_KINDS = ['project', 'contact', 'session', 'request', 'requirement', 'webhook'];

/**
 * Kinds that live in another's stream (a commitment and a baseline in their project's streams, a
 * status report in its subject's): their context registers how to find one (idsOfKindWithoutStream).
 * A webhook's delivery has no stream at all; its id is listed to the team all the same.
 */
const KINDS_WITHOUT_STREAM = ['commitment', 'baseline', 'statusReport', 'webhookDelivery'];

/** Streams that carry an entity's id by design: a project's budget, the status reports on a request, requirement or commitment. */
const COMPANIONS: Record<string, readonly string[]> = { budget: ['project'], status: ['request', 'requirement', 'commitment'] };

/** Whether an entity of a kind whose ids are not stream names has the id, as its own context finds it. */
export type EntityLookup = (id: string) => Promise<boolean>;

/**
 * Refuses an id a client chose when an entity of another kind already has it (`history(id)` would
 * mix both). Ids the service makes are UUIDv7 and never collide; only chosen ones are checked.
 * Most entities are found by their stream; one that lives in another's stream (a commitment, in
 * its project's budget stream) is found the way its context registered, so no context reads
 * another's tables. The answer names no kind: the id may belong to another project.
 */
@Injectable()
export class IdsAcrossKinds {
  private readonly lookups = new Map<string, EntityLookup>();

  constructor(private readonly eventSourcing: EventSourcing) {}

  /** Called by the context that owns a kind of entity without a stream of its own, when its module starts. */
  findsEntitiesWithoutStream(kind: string, lookup: EntityLookup): void {
    this.lookups.set(kind, lookup);
  }

  async requireIdOfNoOtherKind(kind: string, id: string, field = 'id'): Promise<void> {
    const taken = (): DomainError =>
      DomainError.badInput(field, `is already the id of something else; leave ${field} out or choose another`);
    // The service derives ids of its own by name (a delivery, a requirement by its key: derivedId):
    // one can be worked out before it exists, and a project given it first would take its history.
    if (id[14] === '5') {
      throw DomainError.badInput(
        field,
        'is a name-based UUID (version 5), the kind the service derives ids with: choose a random one (version 4 or 7)',
      );
    }
    for (const other of [...ENTITY_KINDS, ...Object.keys(COMPANIONS)]) {
      if (other === kind || COMPANIONS[other]?.includes(kind)) continue;
      if ((await this.eventSourcing.store.lastIndexOf(`${other}-${id}`)) >= 0) throw taken();
    }
    for (const other of KINDS_WITHOUT_STREAM.filter((k) => k !== kind)) {
      const lookup = this.lookups.get(other);
      // A process that never loaded the context cannot tell: better no answer than a wrong one.
      if (!lookup) throw new Error(`no lookup registered for ${other} ids: its module is not loaded`);
      if (await lookup(id)) throw taken();
    }
  }
}

/**
 * The provider a context adds to its module to register how an id of its kind without a stream is
 * found, in its own read model. One made a moment ago on another instance may not be in it yet;
 * only a client who already knows such an id can choose it, and by then it is (a derived id, which
 * could be worked out sooner, is refused for its version alone).
 */
export const idsOfKindWithoutStream = (kind: string, find: (readModels: ReadModelDb, id: string) => Promise<unknown>): Provider => ({
  provide: `ids of ${kind}`,
  inject: [EventSourcing, IdsAcrossKinds],
  useFactory: (eventSourcing: EventSourcing, ids: IdsAcrossKinds): string => {
    ids.findsEntitiesWithoutStream(kind, async (id) => (await find(eventSourcing.readModels, id)) != null);
    return kind;
  },
});
