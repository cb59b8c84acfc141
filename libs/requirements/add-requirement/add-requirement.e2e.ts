import { type RequirementsWorld, requirementInput, setUpWorld } from '../../../test/fixtures/requirements-world.js';

describe('addRequirement', () => {
  let w: RequirementsWorld;
  beforeAll(async () => {
    w = await setUpWorld();
  });
  afterAll(() => w.portal.close());

  it('adds a requirement at revision 1, outside any baseline, triggered by the session it names', async () => {
    const { addRequirement } = await w.portal.ok(
      'AddRequirement',
      { input: { ...requirementInput(w.projectId, 'R1'), sessionId: w.sessionId } },
      w.developer,
    );
    expect(addRequirement.requirement).toMatchObject({
      key: 'R1',
      title: 'Requirement R1',
      estimateHours: 40,
      revision: 1,
      inBaseline: false,
    });
    expect(BigInt(addRequirement.position) > 0n).toBe(true);
    const { requirement } = await w.portal.ok('Requirement', { id: addRequirement.requirement.id }, w.auditor);
    expect(requirement.revisions).toEqual([
      expect.objectContaining({
        revision: 1,
        reason: null,
        by: { userId: 'dev', name: 'Dev Eloper' },
        changes: [
          { field: 'title', from: null, to: 'Requirement R1' },
          { field: 'text', from: null, to: expect.any(String) },
          { field: 'estimateHours', from: null, to: '40' },
        ],
        trigger: { kind: 'SESSION', channel: 'DIRECT', session: { id: w.sessionId, date: '2026-03-02', kind: 'WORKSHOP' }, request: null },
      }),
    ]);
  });

  it('refuses a key the project already has (whatever its case) and writes nothing', async () => {
    const head = await w.head();
    const answer = await w.portal.send('AddRequirement', { input: requirementInput(w.projectId, 'r1', 8) }, w.manager);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'requirementKeyUnique' });
    expect(await w.head()).toBe(head);
    expect(await w.liveKeys()).toEqual(['R1']);
  });

  it('refuses an AUDITOR (FORBIDDEN) and a session that does not exist (NOT_FOUND), writing nothing', async () => {
    const head = await w.head();
    const forbidden = await w.portal.send('AddRequirement', { input: requirementInput(w.projectId, 'R2') }, w.auditor);
    expect(forbidden.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const unknown = await w.portal.send(
      'AddRequirement',
      { input: { ...requirementInput(w.projectId, 'R2'), sessionId: '0195f3a0-0000-7000-8000-000000000000' } },
      w.developer,
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'ContactSession' });
    expect(await w.head()).toBe(head);
  });

  it('names the field of bad input', async () => {
    const answer = await w.portal.send('AddRequirement', { input: requirementInput(w.projectId, 'R3', -1) }, w.manager);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'estimateHours' });
  });

  it.each([
    ['empty', ''],
    ['of white space only', ' \n\t '],
  ])('refuses a text that is %s, naming the field and writing nothing', async (_name, text) => {
    const head = await w.head();
    const answer = await w.portal.send('AddRequirement', { input: { ...requirementInput(w.projectId, 'R4'), text } }, w.manager);
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^text: /),
      extensions: { code: 'BAD_USER_INPUT', field: 'text' },
    });
    expect(await w.head()).toBe(head);
    expect(await w.liveKeys()).not.toContain('R4');
  });
});
