import { Query } from '@nestjs/cqrs';
import type { Caller } from '@cf/ledger';
import type { Project } from '../graphql/project.types.js';

export class GetProjectQuery extends Query<Project> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
