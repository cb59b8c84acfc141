import { EventSourcing } from '@cf/ledger';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

/** What each contact was told, whether they agree, and the perception gaps per subject and contact told, over HTTP. */
describe('status reports per contact told, acknowledgements and perception gaps', () => {
  let portal: Portal;
  const t: Record<string, string> = {};
  let projectId: string;
  let sven: string;
  let erik: string;
  let r1: string;
  let r2: string;
  const head = () => portal.app.get(EventSourcing).store.headPosition();
  const tell = (subjectId: string, toldToId: string, toldStatus: string, toldPercentComplete: number | null, token = t.maria) =>
    portal.ok(
      'ReportStatus',
      { input: { projectId, subjectId, toldStatus, toldPercentComplete, toldToId, message: `${toldStatus} it is` } },
      token,
    );
  const assess = (subjectId: string, actualStatus: string, actualPercentComplete: number | null) =>
    portal.ok('AssessStatus', { input: { projectId, subjectId, actualStatus, actualPercentComplete, note: 'Checked' } }, t.jonas);
  const reportsFor = async (token: string) => (await portal.ok('StatusReports', { projectId }, token)).statusReports;
  const gaps = async () => (await portal.ok('PerceptionGapsByContact', { projectId }, t.jonas)).perceptionGaps;
  const acknowledge = (reportId: string, agrees: boolean, token: string) =>
    portal.send('AcknowledgeStatus', { input: { reportId, agrees, note: agrees ? null : 'Nothing works yet' } }, token);

  beforeAll(async () => {
    portal = await startPortal();
    for (const [user, name] of [
      ['maria', 'Maria Manager'],
      ['jonas', 'Jonas Developer'],
      ['sven', 'Sven Customer'],
      ['erik', 'Erik Customer'],
    ])
      t[user] = await portal.tokenFor(user, name);
    projectId = (await portal.ok('OpenProject', { input: { name: 'Claims', customerName: 'Northwind', budgetHours: 400 } }, t.maria))
      .openProject.project.id;
    const contact = async (name: string, role: string, canApproveScope: boolean) =>
      (await portal.ok('RegisterContact', { input: { projectId, name, role, canApproveScope } }, t.maria)).registerContact.contact.id;
    [sven, erik] = [await contact('Sven Decider', 'DECISION_MAKER', true), await contact('Erik Enduser', 'END_USER', false)];
    await portal.ok('AddMember', { input: { projectId, userId: 'jonas', name: 'Jonas Developer', role: 'DEVELOPER' } }, t.maria);
    await portal.ok(
      'AddMember',
      { input: { projectId, userId: 'sven', name: 'Sven Customer', role: 'CUSTOMER', contactId: sven } },
      t.maria,
    );
    await portal.ok(
      'AddMember',
      { input: { projectId, userId: 'erik', name: 'Erik Customer', role: 'CUSTOMER', contactId: erik } },
      t.maria,
    );
    const requirement = async (key: string) =>
      (
        await portal.ok(
          'AddRequirement',
          { input: { projectId, key, title: `${key} title`, text: `What ${key} asks for.`, estimateHours: 10 } },
          t.maria,
        )
      ).addRequirement.requirement.id;
    [r1, r2] = [await requirement('R1'), await requirement('R2')];
  });
  afterAll(() => portal.close());

  it('keeps the gap of the contact who was misled when another contact is told the truth', async () => {
    await tell(r2, sven, 'ON_TRACK', 60);
    await assess(r2, 'AT_RISK', 30);
    await tell(r2, erik, 'AT_RISK', 30, t.jonas);
    expect(await gaps()).toEqual([
      {
        subjectId: r2,
        title: 'R2: R2 title',
        toldStatus: 'ON_TRACK',
        actualStatus: 'AT_RISK',
        disputed: false,
        toldTo: { id: sven, name: 'Sven Decider' },
      },
    ]);
  });

  it('sees a gap when a contact was told DONE while it is not done, whatever the percentages', async () => {
    await tell(r1, erik, 'DONE', null);
    await assess(r1, 'ON_TRACK', null);
    expect((await gaps()).map((gap: { subjectId: string; toldTo: { id: string } }) => [gap.subjectId, gap.toldTo.id])).toEqual([
      [r2, sven],
      [r1, erik],
    ]);
  });

  it('lists every report to the team, and to a customer only the reports made to them', async () => {
    expect((await reportsFor(t.jonas)).map((r: { toldTo: { id: string } }) => r.toldTo.id)).toEqual([sven, erik, erik]);
    expect(await reportsFor(t.sven)).toEqual([
      {
        id: expect.any(String),
        subjectId: r2,
        title: 'R2: R2 title',
        toldStatus: 'ON_TRACK',
        toldPercentComplete: 60,
        toldAt: expect.any(String),
        message: 'ON_TRACK it is',
        toldTo: { id: sven, name: 'Sven Decider' },
        acknowledgement: null,
      },
    ]);
    expect((await reportsFor(t.erik)).map((r: { toldStatus: string }) => r.toldStatus)).toEqual(['AT_RISK', 'DONE']);
  });

  it('lets only the customer told acknowledge a report (unknown to another customer, FORBIDDEN to the team), writing nothing when refused', async () => {
    const [toSven] = await reportsFor(t.sven);
    const before = await head();
    expect((await acknowledge(toSven.id, true, t.erik)).errors?.[0]).toMatchObject({
      message: `StatusReport ${toSven.id} does not exist`,
      extensions: { code: 'NOT_FOUND', entity: 'StatusReport', id: toSven.id },
    });
    expect((await acknowledge(toSven.id, true, t.maria)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'roleAllowed' });
    expect((await acknowledge('0190a6f4-0000-7000-8000-000000000000', true, t.sven)).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await head()).toBe(before);
    await portal.ok('AcknowledgeStatus', { input: { reportId: toSven.id, agrees: true } }, t.sven);
    expect((await reportsFor(t.sven))[0].acknowledgement).toEqual({ agrees: true, note: null, at: expect.any(String) });
    expect((await gaps()).map((gap: { toldTo: { id: string } }) => gap.toldTo.id)).toEqual([sven, erik]);
  });

  it('makes a disputed report a gap even when told and assessed agree', async () => {
    const [truth] = await reportsFor(t.erik);
    await portal.ok('AcknowledgeStatus', { input: { reportId: truth.id, agrees: false, note: 'Nothing works yet' } }, t.erik);
    expect(await gaps()).toEqual(
      expect.arrayContaining([
        {
          subjectId: r2,
          title: 'R2: R2 title',
          toldStatus: 'AT_RISK',
          actualStatus: 'AT_RISK',
          disputed: true,
          toldTo: { id: erik, name: 'Erik Enduser' },
        },
      ]),
    );
    const answered = `query ($projectId: ID!) { perceptionGaps(projectId: $projectId) { subjectId toldTo { id } acknowledgement { agrees note } } }`;
    expect((await portal.graphql(answered, { projectId }, t.jonas)).data?.perceptionGaps).toContainEqual({
      subjectId: r2,
      toldTo: { id: erik },
      acknowledgement: { agrees: false, note: 'Nothing works yet' },
    });
    const { dashboard } = await portal.ok('Dashboard', { projectId, month: '2026-03' }, t.maria);
    expect(dashboard.perceptionGapCount).toBe(3);
  });

  it('keeps internal assessments from customers: perception gaps are FORBIDDEN to them', async () => {
    expect((await portal.send('PerceptionGapsByContact', { projectId }, t.sven)).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      rule: 'roleAllowed',
    });
  });
});
