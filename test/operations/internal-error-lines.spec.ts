import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { DomainError } from '@cf/core';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { GetProjectHandler } from '../../libs/projects/get-project/get-project.handler.js';

const PROJECT = 'query($id: ID!) { project(id: $id) { id name } }';

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
  afterAll(() => portal?.close());
  afterEach(() => jest.restoreAllMocks());

  const failingWith = async (error: Error, correlationId: string) => {
    jest.spyOn(GetProjectHandler.prototype, 'execute').mockRejectedValue(error);
    const errorLines = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const answer = await portal.graphql(PROJECT, { id: projectId }, token, { 'x-correlation-id': correlationId });
    return { answer, errorLines: errorLines.mock.calls };
  };

  it('writes no error line for a store that does not answer: the operation is answered UNAVAILABLE', async () => {
    const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const { answer, errorLines } = await failingWith(unreachable, 'outage-1');
    expect(answer.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAVAILABLE' }, path: ['project'] })]);
    expect(errorLines).toEqual([]);
  });

  it('writes one error line for a real internal error, with the error and the operation’s correlation id', async () => {
    const fault = new TypeError("Cannot read properties of undefined (reading 'name')");
    const { answer, errorLines } = await failingWith(fault, 'fault-1');
    expect(answer.errors).toEqual([expect.objectContaining({ extensions: { code: 'INTERNAL_SERVER_ERROR' }, path: ['project'] })]);
    expect(answer.errors?.[0].message).toBe('Internal server error');
    expect(errorLines).toEqual([[fault, { correlationId: 'fault-1' }]]);
  });

  it('writes no error line for a refusal', async () => {
    const { answer, errorLines } = await failingWith(new DomainError('FORBIDDEN', 'No'), 'refusal-1');
    expect(answer.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(errorLines).toEqual([]);
  });
});
