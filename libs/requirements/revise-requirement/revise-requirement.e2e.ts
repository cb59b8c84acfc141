import { type RequirementsWorld, requirementInput, setUpWorld } from '../../../test/fixtures/requirements-world.js';

describe('reviseRequirement', () => {
  let w: RequirementsWorld;
  let id: string;
  beforeAll(async () => {
    w = await setUpWorld();
    id = (await w.portal.ok('AddRequirement', { input: requirementInput(w.projectId, 'R1', 40) }, w.manager)).addRequirement.requirement.id;
  });
  afterAll(() => w.portal.close());

  it('records revision 2 with the changed estimate as text, its reason and the session that caused it', async () => {
    const { reviseRequirement } = await w.portal.ok(
      'ReviseRequirement',
      {
        input: { requirementId: id, estimateHours: 48, reason: 'Customer wants PDF too', sessionId: w.sessionId, expectedRevision: 1 },
      },
      w.developer,
    );
    expect(reviseRequirement.requirement).toEqual({ id, revision: 2, estimateHours: 48 });
    const { requirement } = await w.portal.ok('Requirement', { id }, w.auditor);
    expect(requirement).toMatchObject({ key: 'R1', estimateHours: 48, revision: 2, removed: false, inBaseline: false });
    expect(requirement.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    expect(requirement.revisions[1]).toMatchObject({
      estimateHours: 48,
      reason: 'Customer wants PDF too',
      by: { userId: 'dev', name: 'Dev Eloper' },
      changes: [{ field: 'estimateHours', from: '40', to: '48' }],
      trigger: { kind: 'SESSION', channel: 'DIRECT', session: { id: w.sessionId }, request: null },
    });
    expect(requirement.revisions[0].trigger).toEqual({ kind: 'INTERNAL', channel: null, session: null, request: null });
  });

  it('answers a stale expectedRevision with CONFLICT and the current revision, writing nothing', async () => {
    const head = await w.head();
    const answer = await w.portal.send(
      'ReviseRequirement',
      { input: { requirementId: id, title: 'Stale', reason: 'old view', expectedRevision: 1 } },
      w.manager,
    );
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentRevision: 2 });
    expect(await w.head()).toBe(head);
  });

  it("refuses an expectedRevision past the current one as the sender's slip, naming the field, writing nothing", async () => {
    const head = await w.head();
    const answer = await w.portal.send(
      'ReviseRequirement',
      { input: { requirementId: id, title: 'From the future', reason: 'typo', expectedRevision: 9 } },
      w.manager,
    );
    expect(answer.errors?.[0]).toMatchObject({
      message: `expectedRevision: is 9, past Requirement ${id}'s current revision 2: no such revision was ever given out; send the revision you read`,
      extensions: { code: 'BAD_USER_INPUT', field: 'expectedRevision' },
    });
    expect(await w.head()).toBe(head);
  });

  it('refuses a blank text, naming the field and changing nothing', async () => {
    const head = await w.head();
    const answer = await w.portal.send('ReviseRequirement', { input: { requirementId: id, text: '  \n ', reason: 'Cleared' } }, w.manager);
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^text: /),
      extensions: { code: 'BAD_USER_INPUT', field: 'text' },
    });
    expect(await w.head()).toBe(head);
    const { requirement } = await w.portal.ok('Requirement', { id }, w.auditor);
    expect(requirement).toMatchObject({ text: 'What R1 asks for.', revision: 2 });
  });

  it('lets no one revise a removed requirement (finalState)', async () => {
    const { removeRequirement } = await w.portal.ok(
      'RemoveRequirement',
      { input: { requirementId: id, reason: 'Out of scope' } },
      w.developer,
    );
    expect(removeRequirement.requirement).toEqual({ id, removed: true });
    const head = await w.head();
    const answer = await w.portal.send(
      'ReviseRequirement',
      { input: { requirementId: id, title: 'Back', reason: 'changed our mind' } },
      w.manager,
    );
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'finalState' });
    expect(await w.head()).toBe(head);
  });

  it('refuses an unknown requirement (NOT_FOUND), and to a CUSTOMER reading one it is unknown too', async () => {
    const unknown = await w.portal.send(
      'ReviseRequirement',
      { input: { requirementId: '0195f3a0-0000-7000-8000-000000000000', title: 'X', reason: 'y' } },
      w.manager,
    );
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
    await w.portal.ok(
      'AddMember',
      { input: { projectId: w.projectId, userId: 'carla', name: 'Carla', role: 'CUSTOMER', contactId: w.approverId } },
      w.manager,
    );
    const read = await w.portal.send('Requirement', { id }, await w.portal.tokenFor('carla', 'Carla'));
    expect(read.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Requirement', id });
  });
});
