import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, Ledger } from '@cf/ledger';
import { INTERNAL_ROLES, Project, ProjectAccess } from '@cf/projects';
import { projectBudgetOf } from '../budget/budget-inputs.js';
import { ProjectBudget } from '../graphql/commitment.types.js';

/**
 * `Project.budget`: the project's exposure from the budget summary rows commitments are judged
 * on (the dashboard reads the same, through projectBudgetOf). The budget is internal: a
 * CUSTOMER member gets FORBIDDEN on this field.
 */
@Resolver(() => Project)
export class ProjectBudgetResolver {
  constructor(private readonly ledger: Ledger, private readonly access: ProjectAccess) {}

  @ResolveField(() => ProjectBudget, { nullable: true })
  async budget(@Parent() project: Project, @CurrentCaller() caller: Caller): Promise<ProjectBudget> {
    await this.access.require(caller, project.id, INTERNAL_ROLES, 'see the budget');
    return projectBudgetOf(this.ledger.readModels, project.id);
  }
}
