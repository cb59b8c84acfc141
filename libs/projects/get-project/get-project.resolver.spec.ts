import type { Caller, EventSourcing } from '@cf/ledger';
import type { QueryBus } from '@nestjs/cqrs';
import type { Project } from '../graphql/project.types.js';
import { GetProjectResolver } from './get-project.resolver.js';

const caller = { actor: { userId: 'cora', name: 'Cora' }, correlationId: 'c' } as Caller;
const project = { id: 'p1' } as Project;

describe("a project's viewerRole", () => {
  // A page of projects asks it of each: the roles read once for the operation answer it, no read per project.
  const unread = {
    get readModels(): never {
      throw new Error('read the members of a project');
    },
  } as unknown as EventSourcing;
  const resolver = new GetProjectResolver({} as QueryBus, unread);

  it('is the role read for the operation, without a read of its own', async () => {
    const roles = new Map([['p1', { role: 'CUSTOMER', contactId: 'k1' }]]);
    expect(await resolver.viewerRole(project, caller, roles)).toBe('CUSTOMER');
  });

  it('is null when the roles read for the operation hold the project no more', async () => {
    expect(await resolver.viewerRole(project, caller, new Map())).toBeNull();
  });
});
