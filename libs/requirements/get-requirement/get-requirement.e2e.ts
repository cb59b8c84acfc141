import { type RequirementsWorld, requirementInput, setUpWorld } from '../../../test/fixtures/requirements-world.js';

describe('requirement (query) and Request.requirements', () => {
  let w: RequirementsWorld;
  let id: string;
  let requestId: string;
  beforeAll(async () => {
    w = await setUpWorld();
    id = (await w.portal.ok('AddRequirement', { input: requirementInput(w.projectId, 'R1', 40) }, w.manager)).addRequirement.requirement.id;
    const { raiseRequest } = await w.portal.ok(
      'RaiseRequest',
      {
        input: {
          projectId: w.projectId,
          title: 'Export as PDF',
          description: 'Please',
          kind: 'CHANGE',
          channel: 'WRITTEN',
          requestedById: w.approverId,
          requirementIds: [id],
        },
      },
      w.manager,
    );
    requestId = raiseRequest.request.id;
  });
  afterAll(() => w.portal.close());

  it('records a request as the trigger, with its channel, and shows the request', async () => {
    await w.portal.ok(
      'ReviseRequirement',
      { input: { requirementId: id, title: 'Export as CSV and PDF', reason: 'Asked in writing', requestId } },
      w.developer,
    );
    const { requirement } = await w.portal.ok('Requirement', { id }, w.auditor);
    expect(requirement.revisions[1]).toMatchObject({
      revision: 2,
      title: 'Export as CSV and PDF',
      changes: [{ field: 'title', from: 'Requirement R1', to: 'Export as CSV and PDF' }],
      trigger: {
        kind: 'REQUEST',
        channel: 'WRITTEN',
        session: null,
        request: { id: requestId, title: 'Export as PDF', channel: 'WRITTEN' },
      },
    });
  });

  it('lists the linked requirements on a request for the team; a customer reads null (internal)', async () => {
    const { request } = await w.portal.ok('Request', { id: requestId }, w.manager);
    expect(request.requirements).toEqual([{ id, key: 'R1' }]);
    await w.portal.ok(
      'AddMember',
      { input: { projectId: w.projectId, userId: 'carla', name: 'Carla', role: 'CUSTOMER', contactId: w.approverId } },
      w.manager,
    );
    const asCustomer = await w.portal.send('Request', { id: requestId }, await w.portal.tokenFor('carla', 'Carla'));
    expect(asCustomer.errors).toBeUndefined();
    expect(asCustomer.data?.request?.requirements).toBeNull();
  });

  it('answers an unknown id with NOT_FOUND', async () => {
    const answer = await w.portal.send('Requirement', { id: '0195f3a0-0000-7000-8000-000000000000' }, w.manager);
    expect(answer.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});
