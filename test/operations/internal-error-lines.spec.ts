import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { Logger as Pino } from 'pino';
import { DomainError } from '@cf/core';
import { OPERATIONS_LOG } from '../../apps/api/logging/operations-log.js';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { GetProjectHandler } from '../../libs/projects/get-project/get-project.handler.js';
import { GetProjectResolver } from '../../libs/projects/get-project/get-project.resolver.js';

const PROJECT = 'query($id: ID!) { project(id: $id) { id name } }';

/**
 * Project.members fails while `membersFail` is set. Replaced before the app starts, which takes
 * each resolver's method as the app is built (a spy set later would never be called), with the
 * metadata that makes it a field resolver.
 */
let membersFail: Error | undefined;
const members = GetProjectResolver.prototype.members;
const failingMembers = function (this: GetProjectResolver, ...args: Parameters<typeof members>) {
  return membersFail ? Promise.reject(membersFail) : members.apply(this, args);
};
for (const key of Reflect.getMetadataKeys(members)) Reflect.defineMetadata(key, Reflect.getMetadata(key, members), failingMembers);
GetProjectResolver.prototype.members = failingMembers;

/** What an operation that fails inside writes to the log besides its own line: once, and never for an outage. */
describe('the log lines of a GraphQL operation that fails inside', () => {
  let portal: Portal;
  let token: string;
  let projectId: string;
  beforeAll(async () => {
    portal = await startPortal();
    token = await portal.tokenFor('mia', 'Mia Manager');
    const opened = await portal.ok<{ openProject: { project: { id: string } } }>(
      'OpenProject',
      { input: { name: 'Lines', customerName: 'Northwind', budgetHours: 10 } },
      token,
    );
    projectId = opened.openProject.project.id;
  });
  afterAll(async () => {
    GetProjectResolver.prototype.members = members;
    await portal?.close();
  });
  afterEach(() => {
    membersFail = undefined;
    jest.restoreAllMocks();
  });

  const sent = async (query: string, correlationId: string) => {
    const errorLines = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const operationLines = jest.spyOn(portal.app.get<Pino>(OPERATIONS_LOG), 'info');
    const answer = await portal.graphql(query, { id: projectId }, token, { 'x-correlation-id': correlationId });
    const ended = operationLines.mock.calls.find(([fields]) => (fields as { correlationId?: string }).correlationId === correlationId);
    return { answer, errorLines: errorLines.mock.calls, ended: ended?.[0] };
  };
  const failingWith = (error: unknown, correlationId: string) => {
    jest.spyOn(GetProjectHandler.prototype, 'execute').mockRejectedValue(error);
    return sent(PROJECT, correlationId);
  };

  it('writes no error line for a store that does not answer: the operation is answered UNAVAILABLE, and its line says why', async () => {
    const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const { answer, errorLines, ended } = await failingWith(unreachable, 'outage-1');
    expect(answer.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAVAILABLE' }, path: ['project'] })]);
    expect(errorLines).toEqual([]);
    expect(ended).toMatchObject({ outcome: 'UNAVAILABLE', err: { message: 'connect ECONNREFUSED 127.0.0.1:5432' } });
  });

  it('writes one error line for a real internal error, with the error and the operation’s correlation id', async () => {
    const fault = new TypeError("Cannot read properties of undefined (reading 'name')");
    const { answer, errorLines } = await failingWith(fault, 'fault-1');
    expect(answer.errors).toEqual([expect.objectContaining({ extensions: { code: 'INTERNAL_SERVER_ERROR' }, path: ['project'] })]);
    expect(answer.errors?.[0].message).toBe('Internal server error');
    expect(errorLines).toEqual([[fault, { correlationId: 'fault-1' }]]);
  });

  it('writes one error line, with the correlation id, for a field resolver’s internal error too', async () => {
    membersFail = new RangeError('members failed');
    const { answer, errorLines } = await sent('query($id: ID!) { project(id: $id) { id members { role } } }', 'field-1');
    expect(answer.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'INTERNAL_SERVER_ERROR' }, path: ['project', 'members'] }),
    ]);
    expect(errorLines).toEqual([[membersFail, { correlationId: 'field-1' }]]);
  });

  it('writes what was thrown, readable, when it is no Error', async () => {
    const { answer, errorLines } = await failingWith({ code: 'XX', detail: 'what failed' }, 'value-1');
    expect(answer.errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(errorLines).toHaveLength(1);
    expect(String((errorLines[0][0] as Error).message)).toContain("detail: 'what failed'");
    expect(errorLines[0][1]).toEqual({ correlationId: 'value-1' });
  });

  it('writes no error line for a refusal', async () => {
    const { answer, errorLines } = await failingWith(new DomainError('FORBIDDEN', 'No'), 'refusal-1');
    expect(answer.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(errorLines).toEqual([]);
  });
});
