import { type RequirementsWorld, requirementInput, setUpWorld } from '../../../test/fixtures/requirements-world.js';

/** Which channel a requirement change came through, removals included, as RequirementChanges and the dashboard's churn show it. */
describe('the trigger of requirement changes and removals', () => {
  let w: RequirementsWorld;
  let r1: string;
  let r2: string;
  let proxyRequest: string;
  const changes = async () =>
    (await w.portal.ok('RequirementChanges', { projectId: w.projectId, sinceBaseline: true }, w.auditor)).requirementChanges;
  const remove = (input: Record<string, unknown>) =>
    w.portal.graphql(
      'mutation($input: RemoveRequirementInput!) { removeRequirement(input: $input) { requirement { id removed } } }',
      { input },
      w.developer,
    );

  beforeAll(async () => {
    w = await setUpWorld();
    const add = async (key: string) =>
      (await w.portal.ok('AddRequirement', { input: requirementInput(w.projectId, key) }, w.manager)).addRequirement.requirement.id;
    [r1, r2] = [await add('R1'), await add('R2')];
    await w.portal.ok('ApproveBaseline', { input: { projectId: w.projectId, name: 'V1', countersignedById: w.approverId } }, w.manager);
    proxyRequest = (
      await w.portal.ok(
        'RaiseRequest',
        {
          input: {
            projectId: w.projectId,
            title: 'Bigger export',
            description: 'As relayed',
            kind: 'CHANGE',
            channel: 'PROXY',
            requestedById: w.approverId,
            relayedById: w.endUserId,
          },
        },
        w.developer,
      )
    ).raiseRequest.request.id;
  });
  afterAll(() => w.portal.close());

  it('counts a revision made in a session as DIRECT, also when a relayed request is named with it', async () => {
    await w.portal.ok(
      'ReviseRequirement',
      { input: { requirementId: r1, estimateHours: 44, reason: 'Seen on site', sessionId: w.sessionId } },
      w.developer,
    );
    await w.portal.ok(
      'ReviseRequirement',
      {
        input: {
          requirementId: r1,
          estimateHours: 50,
          reason: 'Asked again in the workshop',
          requestId: proxyRequest,
          sessionId: w.sessionId,
        },
      },
      w.developer,
    );
    expect((await changes()).map((c: { trigger: unknown }) => c.trigger)).toEqual([
      { kind: 'SESSION', channel: 'DIRECT' },
      { kind: 'SESSION', channel: 'DIRECT' },
    ]);
    const { requirement } = await w.portal.ok('Requirement', { id: r1 }, w.auditor);
    expect(requirement.revisions[2].trigger).toMatchObject({
      kind: 'SESSION',
      channel: 'DIRECT',
      session: { id: w.sessionId },
      request: { id: proxyRequest, channel: 'PROXY' },
    });
  });

  it('takes a trigger for a removal, lists the removal with the changes and counts it in churn', async () => {
    const { data } = await remove({ requirementId: r2, reason: 'Replaced by the bigger export', requestId: proxyRequest });
    expect(data!.removeRequirement.requirement).toEqual({ id: r2, removed: true });
    const removal = (await changes()).at(-1);
    expect(removal).toMatchObject({
      requirement: { id: r2 },
      revision: 2,
      reason: 'Replaced by the bigger export',
      trigger: { kind: 'REQUEST', channel: 'PROXY' },
    });
    expect(removal.changes).toEqual([{ field: 'removed', from: 'false', to: 'true' }]);
    const { dashboard } = await w.portal.ok('Dashboard', { projectId: w.projectId, month: '2026-03' }, w.manager);
    expect(dashboard.churn).toEqual({
      revisionsSinceBaseline: 3,
      byTrigger: [
        { trigger: 'DIRECT', count: 2 },
        { trigger: 'PROXY', count: 1 },
        { trigger: 'WRITTEN', count: 0 },
        { trigger: 'INTERNAL', count: 0 },
      ],
    });
  });

  it('refuses a voided session as the trigger, writing nothing', async () => {
    await w.portal.ok('CorrectContactSession', { input: { sessionId: w.sessionId, reason: 'Cancelled', voided: true } }, w.manager);
    const before = await w.head();
    const answer = await w.portal.send(
      'ReviseRequirement',
      { input: { requirementId: r1, estimateHours: 60, reason: 'x', sessionId: w.sessionId } },
      w.developer,
    );
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'sessionNotVoided' });
    expect(await w.head()).toBe(before);
  });
});
