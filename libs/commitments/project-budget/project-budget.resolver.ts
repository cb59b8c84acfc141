import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, Ledger } from '@cf/ledger';
import { INTERNAL_ROLES, Project, ProjectAccess } from '@cf/projects';
import { budgetInputsOf } from '../budget/budget-inputs.js';
import { budgetView } from '../domain/budget.js';
import { ProjectBudget } from '../graphql/commitment.types.js';

/**
 * `Project.budget`: the project's exposure computed from the same picture commitments are
 * judged on. The budget is internal: a CUSTOMER member gets FORBIDDEN on this field.
 */
@Resolver(() => Project)
export class ProjectBudgetResolver {
  constructor(private readonly ledger: Ledger, private readonly access: ProjectAccess) {}

  @ResolveField(() => ProjectBudget, { nullable: true })
  async budget(@Parent() project: Project, @CurrentCaller() caller: Caller): Promise<ProjectBudget> {
    await this.access.require(caller, project.id, INTERNAL_ROLES, 'see the budget');
    return budgetView(await budgetInputsOf(this.ledger.readModels, project.id));
  }
}
