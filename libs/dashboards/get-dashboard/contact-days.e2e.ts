import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

/** Contact days and stakeholder coverage over HTTP, as sessions, contacts and members are corrected. */
describe('contact days and uncontacted departments on the dashboard', () => {
  let portal: Portal;
  let ada: string;
  let dev: string;
  let projectId: string;
  const c: Record<string, string> = {};
  let s1: string;
  let s2: string;
  const dashboard = async (month: string) => (await portal.ok('Dashboard', { projectId, month }, ada)).dashboard;
  const daysIn = async (month: string) => (await dashboard(month)).contactDays;
  const devIn = (days: number, target: number) => [{ developer: { userId: 'dev', name: 'Dev Eloper' }, days, target }];
  const correct = (sessionId: string, input: Record<string, unknown>) =>
    portal.ok('CorrectContactSession', { input: { sessionId, reason: 'Corrected', ...input } }, dev);

  beforeAll(async () => {
    portal = await startPortal();
    [ada, dev] = await Promise.all([portal.tokenFor('ada', 'Ada Manager'), portal.tokenFor('dev', 'Dev Eloper')]);
    projectId = (await portal.ok('OpenProject', { input: { name: 'Claims', customerName: 'Northwind', budgetHours: 100 } }, ada))
      .openProject.project.id;
    await portal.ok('AddMember', { input: { projectId, userId: 'dev', name: 'Dev Eloper', role: 'DEVELOPER', since: '2026-02-10' } }, ada);
    for (const [key, organisation, department] of [
      ['bea', 'Northwind', 'Claims'],
      ['carl', 'northwind ', 'claims '],
      ['dora', 'ACME', 'Claims'],
      ['finn', 'Northwind', 'Finance'],
    ]) {
      const input = { projectId, name: key, organisation, department, role: 'END_USER', canApproveScope: false };
      c[key] = (await portal.ok('RegisterContact', { input }, dev)).registerContact.contact.id;
    }
  });
  afterAll(() => portal.close());

  it('compares departments without case and spaces, within an organisation, shown as first written', async () => {
    expect((await dashboard('2026-02')).uncontactedDepartments).toEqual(['Claims (ACME)', 'Claims (Northwind)', 'Finance']);
  });

  it('counts each day of a session in its own month, the target only from the month the developer joined', async () => {
    const input = { projectId, date: '2026-01-30', days: 3, kind: 'ON_SITE', developerIds: ['dev'], contactIds: [c.bea] };
    s1 = (await portal.ok('LogContactSession', { input }, dev)).logContactSession.session.id;
    expect(await daysIn('2026-01')).toEqual(devIn(2, 0));
    expect(await daysIn('2026-02')).toEqual(devIn(1, 2));
    expect((await dashboard('2026-02')).uncontactedDepartments).toEqual(['Claims (ACME)', 'Finance']);
  });

  it('moves the days of a corrected session to the months they really fell in', async () => {
    await correct(s1, { date: '2026-03-30', days: 2.5 });
    expect(await daysIn('2026-01')).toEqual([]);
    expect(await daysIn('2026-02')).toEqual(devIn(0, 2));
    expect(await daysIn('2026-03')).toEqual(devIn(2, 2));
    expect(await daysIn('2026-04')).toEqual(devIn(0.5, 2));
  });

  it('counts a voided session nowhere, neither its days nor its contacts', async () => {
    const input = { projectId, date: '2026-03-02', days: 1, kind: 'REMOTE', developerIds: ['dev'], contactIds: [c.finn] };
    s2 = (await portal.ok('LogContactSession', { input }, dev)).logContactSession.session.id;
    expect(await daysIn('2026-03')).toEqual(devIn(3, 2));
    expect((await dashboard('2026-03')).uncontactedDepartments).toEqual(['Claims (ACME)']);
    await correct(s2, { voided: true });
    expect(await daysIn('2026-03')).toEqual(devIn(2, 2));
    expect((await dashboard('2026-03')).uncontactedDepartments).toEqual(['Claims (ACME)', 'Finance']);
  });

  it('follows a contact to their new department', async () => {
    await portal.ok('ReviseContact', { input: { contactId: c.finn, reason: 'Moved to claims', department: 'CLAIMS' } }, dev);
    expect((await dashboard('2026-03')).uncontactedDepartments).toEqual(['Claims (ACME)']);
    await correct(s1, { contactIds: [c.dora] });
    expect((await dashboard('2026-03')).uncontactedDepartments).toEqual(['Claims (Northwind)']);
  });

  it('keeps the days of a member who left in their months, the target ending with their last month', async () => {
    await portal.graphql(
      'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { position } }',
      { input: { projectId, userId: 'dev', reason: 'Left', until: '2026-04-15' } },
      ada,
    );
    expect(await daysIn('2026-03')).toEqual(devIn(2, 2));
    expect(await daysIn('2026-04')).toEqual(devIn(0.5, 2));
    expect(await daysIn('2026-05')).toEqual([]);
    const { data } = await portal.graphql(
      'query($p: ID!) { dashboard(projectId: $p) { contactDays(month: "2026-04") { shortfall } } }',
      { p: projectId },
      ada,
    );
    expect(data!.dashboard.contactDays).toEqual([{ shortfall: 1.5 }]);
    const garbage = await portal.graphql(
      'query($p: ID!) { dashboard(projectId: $p) { contactDays(month: "garbage") { shortfall } } }',
      { p: projectId },
      ada,
    );
    expect(garbage.errors?.[0]).toMatchObject({
      message: 'month: must be a month written YYYY-MM, e.g. 2026-03',
      extensions: { code: 'BAD_USER_INPUT', field: 'month' },
    });
  });

  it('names a department as written by the contact in it longest of those it has now', async () => {
    const other = (await portal.ok('OpenProject', { input: { name: 'Sales', customerName: 'ACME', budgetHours: 10 } }, ada)).openProject
      .project.id;
    const contact = async (name: string, organisation: string, department: string) =>
      (
        await portal.ok(
          'RegisterContact',
          { input: { projectId: other, name, organisation, department, role: 'END_USER', canApproveScope: false } },
          ada,
        )
      ).registerContact.contact.id;
    const [dan, carla] = [await contact('Dan', 'ACME', 'sales '), await contact('Carla', 'Acme', 'SALES')];
    const uncontacted = async () =>
      (await portal.ok('Dashboard', { projectId: other, month: '2026-03' }, ada)).dashboard.uncontactedDepartments;
    expect(await uncontacted()).toEqual(['sales']);
    await portal.ok('ReviseContact', { input: { contactId: dan, reason: 'Moved', department: 'Legal' } }, ada);
    expect(await uncontacted()).toEqual(['Legal', 'SALES']);
    await portal.ok('ReviseContact', { input: { contactId: carla, reason: 'Spelt out', department: 'Sales' } }, ada);
    expect(await uncontacted()).toEqual(['Legal', 'Sales']);
  });
});
