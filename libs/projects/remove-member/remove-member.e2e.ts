import { EventSourcing } from '@cf/ledger';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

const MEMBERS = 'query($id: ID!) { project(id: $id) { members { userId role since } } }';
const REMOVE = 'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { position project { id revision } } }';

describe('addMember with since, and removeMember', () => {
  let portal: Portal;
  let ada: string;
  let dev: string;
  let projectId: string;
  const today = new Date().toISOString().slice(0, 10);
  const head = () => portal.app.get(EventSourcing).store.headPosition();
  const members = async () => (await portal.graphql(MEMBERS, { id: projectId }, ada)).data!.project.members;

  beforeAll(async () => {
    portal = await startPortal();
    ada = await portal.tokenFor('ada', 'Ada Manager');
    dev = await portal.tokenFor('dev', 'Dev Eloper');
    projectId = (await portal.ok('OpenProject', { input: { name: 'Portal', customerName: 'ACME', budgetHours: 100 } }, ada)).openProject
      .project.id;
  });
  afterAll(() => portal.close());

  it('records the day a member joined, today when not given', async () => {
    await portal.ok('AddMember', { input: { projectId, userId: 'dev', name: 'Dev Eloper', role: 'DEVELOPER', since: '2026-01-15' } }, ada);
    await portal.ok('AddMember', { input: { projectId, userId: 'aud', name: 'Aud Itor', role: 'AUDITOR' } }, ada);
    expect(await members()).toEqual([
      { userId: 'ada', role: 'MANAGER', since: today },
      { userId: 'dev', role: 'DEVELOPER', since: '2026-01-15' },
      { userId: 'aud', role: 'AUDITOR', since: today },
    ]);
  });

  it('refuses a join date in the future, naming since, and writes nothing', async () => {
    const before = await head();
    const answer = await portal.send(
      'AddMember',
      { input: { projectId, userId: 'eve', name: 'Eve', role: 'DEVELOPER', since: '2999-01-01' } },
      ada,
    );
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
    expect(await head()).toBe(before);
  });

  it('refuses a DEVELOPER removing anyone and the only MANAGER leaving, writing nothing', async () => {
    const before = await head();
    const byDeveloper = await portal.graphql(REMOVE, { input: { projectId, userId: 'aud', reason: 'Done' } }, dev);
    expect(byDeveloper.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'roleAllowed' });
    const lastManager = await portal.graphql(REMOVE, { input: { projectId, userId: 'ada', reason: 'Leaving' } }, ada);
    expect(lastManager.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'projectKeepsAManager' });
    const tooEarly = await portal.graphql(REMOVE, { input: { projectId, userId: 'dev', reason: 'Left', until: '2026-01-01' } }, ada);
    expect(tooEarly.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'untilAfterSince' });
    expect(await head()).toBe(before);
  });

  it('removes a member, who then reads nothing of the project', async () => {
    const { data } = await portal.graphql(
      REMOVE,
      { input: { projectId, userId: 'dev', reason: 'Moved to another team', until: '2026-02-20' } },
      ada,
    );
    expect(data!.removeMember.project).toEqual({ id: projectId, revision: 4 });
    expect((await members()).map((m: { userId: string }) => m.userId)).toEqual(['ada', 'aud']);
    const read = await portal.send('Project', { id: projectId }, dev);
    expect(read.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'projectMember' });
  });
});
