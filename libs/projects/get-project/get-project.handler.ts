import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ANY_ROLE, ProjectAccess } from '../access/project-access.js';
import { toProject } from '../graphql/project.mapping.js';
import type { Project } from '../graphql/project.types.js';
import { GetProjectQuery } from './get-project.query.js';

/** Every member reads the project itself; budget figures are guarded on their own field. */
@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery, Project> {
  constructor(private readonly access: ProjectAccess) {}

  async execute({ id, caller }: GetProjectQuery): Promise<Project> {
    const { project } = await this.access.require(caller, id, ANY_ROLE, 'read this project');
    return toProject(project);
  }
}
