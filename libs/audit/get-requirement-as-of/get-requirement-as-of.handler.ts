import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError, streamName } from '@cf/core';
import { EventSourcing } from '@cf/ledger';
import { INTERNAL_ROLES, ProjectAccess } from '@cf/projects';
import { type Requirement, type RequirementEvent, namedRequirement, requirementsDecider } from '@cf/requirements';
import { eventsAsOf } from './events-as-of.js';
import { GetRequirementAsOfQuery } from './get-requirement-as-of.query.js';

/**
 * A requirement as it stood at a past moment. The one deliberate replay in a query: the read
 * models keep the present, so the stream is folded with the requirements' own evolve up to then
 * (eventsAsOf: by the times the hash chain covers).
 */
@QueryHandler(GetRequirementAsOfQuery)
export class GetRequirementAsOfHandler implements IQueryHandler<GetRequirementAsOfQuery, Requirement> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ id, asOf, caller }: GetRequirementAsOfQuery): Promise<Requirement> {
    const { row: current, named } = await namedRequirement(this.eventSourcing.readModels, id);
    await this.access.requireNamed(caller, named, INTERNAL_ROLES, 'read requirements');
    const events = eventsAsOf(await this.eventSourcing.store.readStream(streamName('requirement', id)), new Date(asOf));
    if (events.length === 0) throw DomainError.notFound('Requirement', id, `not yet at ${new Date(asOf).toISOString()}`);
    const state = events.reduce(
      (s, e) => requirementsDecider.evolve(s, { type: e.type, data: e.data } as RequirementEvent),
      requirementsDecider.initialState(),
    );
    return {
      id,
      key: state.key,
      title: state.title,
      text: state.text,
      estimateHours: state.estimateHours,
      revision: events.length,
      removed: state.removed,
      projectId: current.project_id,
      asOf: new Date(asOf).toISOString(),
    };
  }
}
