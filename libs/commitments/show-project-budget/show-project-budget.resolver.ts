import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { EventSourcing } from '@cf/ledger';
import { Project } from '@cf/projects';
import { ProjectBudget } from '../graphql/commitment.types.js';
import { projectBudgetOf } from '../read-model/commitments.read-model.js';

/**
 * `Project.budget`: the project's exposure from the rows commitments are judged on (the dashboard
 * reads the same, through projectBudgetOf). Internal: the customer view gives CUSTOMER members null.
 */
@Resolver(() => Project)
export class ProjectBudgetResolver {
  constructor(private readonly eventSourcing: EventSourcing) {}

  @ResolveField(() => ProjectBudget, { nullable: true })
  budget(@Parent() project: Project): Promise<ProjectBudget | null> {
    return projectBudgetOf(this.eventSourcing.readModels, project.id);
  }
}
