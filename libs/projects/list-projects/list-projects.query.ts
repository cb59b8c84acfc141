import { Query } from '@nestjs/cqrs';
import type { Caller, Page } from '@cf/ledger';
import type { Project } from '../graphql/project.types.js';

export class ListProjectsQuery extends Query<Page<Project>> {
  constructor(
    readonly first: number | undefined,
    readonly after: string | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}
