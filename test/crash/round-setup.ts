import { signToken } from '@cf/ledger';
import type { ApiProcess } from '../harness/api-process.js';
import { type CrashProject, type Writer, emptyProject } from './crash-project.js';
import * as kinds from './mutations.js';
import type { Mutation, MutationKind } from './mutations.js';
import type { Random } from './seeded-random.js';
import { type Acknowledged, sendAcknowledged } from './send-mutation.js';

/** One manager and developers; the same users in every round, each round on a new project. */
export const crashWriters = async (secret: string, developers: number): Promise<Writer[]> => {
  const writer = async (userId: string, name: string, role: Writer['role']): Promise<Writer> => ({
    userId,
    name,
    role,
    token: await signToken(secret, { userId, name }),
  });
  return Promise.all([
    writer('crash-manager', 'Maria', 'MANAGER'),
    ...Array.from({ length: developers }, (_, i) => writer(`crash-dev-${i + 1}`, `Developer ${i + 1}`, 'DEVELOPER')),
  ]);
};

const addDeveloper = (project: CrashProject, developer: Writer): Mutation => ({
  operation: 'AddMember',
  variables: { input: { projectId: project.projectId, userId: developer.userId, name: developer.name, role: 'DEVELOPER' } },
  streamOf: () => `project-${project.projectId}`,
});

/**
 * Before the load, and not interrupted: the manager opens the round's project, adds the
 * developers, registers two contacts and logs a session, so every kind of mutation has
 * something to act on from the start.
 */
export const setUpRound = async (
  api: ApiProcess,
  writers: Writer[],
  random: Random,
): Promise<{ project: CrashProject; acknowledged: Acknowledged[] }> => {
  const [manager, ...developers] = writers;
  const acknowledged: Acknowledged[] = [];
  const send = async (kind: MutationKind | Mutation, project: CrashProject, serial = 0): Promise<Record<string, any>> => {
    const mutation = typeof kind === 'function' ? kind(project, manager, random, serial) : kind;
    if (!mutation) throw new Error('the round setup built no mutation');
    const answer = await sendAcknowledged(api, manager, mutation);
    acknowledged.push(answer.acknowledged);
    return answer.data;
  };
  const opened = await send(kinds.openProject, emptyProject(''));
  const project = emptyProject(opened.openProject.project.id);
  for (const developer of developers) await send(addDeveloper(project, developer), project);
  await send(kinds.registerContact, project, 1);
  await send(kinds.registerContact, project, 2);
  await send(kinds.logContactSession, project);
  return { project, acknowledged };
};
