import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSourcing, type Page, decodeSequenceCursor, pageSize, sequenceKey, toPage } from '@cf/ledger';
import { toProject } from '../graphql/project.mapping.js';
import type { Project } from '../graphql/project.types.js';
import { projectsReadModel } from '../read-model/projects.read-model.js';
import { ListProjectsQuery } from './list-projects.query.js';

/** The projects the caller is a member of, oldest first. */
@QueryHandler(ListProjectsQuery)
export class ListProjectsHandler implements IQueryHandler<ListProjectsQuery, Page<Project>> {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async execute({ first, after, caller }: ListProjectsQuery): Promise<Page<Project>> {
    const size = pageSize(first);
    const afterSeq = decodeSequenceCursor(after, 'projects');
    const read = projectsReadModel(this.eventSourcing.readModels);
    const rows = await read.projectsOf(caller.actor.userId, afterSeq, size + 1);
    return toPage(rows, size, (row) => sequenceKey('projects', row.seq), toProject, await read.countProjectsOf(caller.actor.userId));
  }
}
