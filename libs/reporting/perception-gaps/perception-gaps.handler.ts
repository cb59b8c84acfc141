import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSourcing } from '@cf/ledger';
import { INTERNAL_ROLES, ProjectAccess } from '@cf/projects';
import { toPerceptionGap } from '../graphql/reporting.mapping.js';
import type { PerceptionGap } from '../graphql/reporting.types.js';
import { reportingReadModel } from '../read-model/reporting.read-model.js';
import { PerceptionGapsQuery } from './perception-gaps.query.js';

/** Internal roles only: a gap shows the internal assessment, which customers never see. */
@QueryHandler(PerceptionGapsQuery)
export class PerceptionGapsHandler implements IQueryHandler<PerceptionGapsQuery, PerceptionGap[]> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ projectId, caller }: PerceptionGapsQuery): Promise<PerceptionGap[]> {
    await this.access.require(caller, projectId, INTERNAL_ROLES, 'see perception gaps');
    return (await reportingReadModel(this.eventSourcing.readModels).gapsOf(projectId)).map(toPerceptionGap);
  }
}
