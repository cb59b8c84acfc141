import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

/** A gap with a contact who was forgotten is nothing anyone can act on: over HTTP, it leaves the list and the count. */
describe('perception gaps of a forgotten contact', () => {
  let portal: Portal;
  let maria: string;

  beforeAll(async () => {
    portal = await startPortal();
    maria = await portal.tokenFor('maria', 'Maria Manager');
  });
  afterAll(() => portal.close());

  it('takes the gap of a forgotten contact off perceptionGaps and perceptionGapCount, and keeps the report made to them', async () => {
    const { id: projectId } = (
      await portal.ok('OpenProject', { input: { name: 'Forget', customerName: 'Northwind', budgetHours: 100 } }, maria)
    ).openProject.project;
    const contact = async (name: string) =>
      (await portal.ok('RegisterContact', { input: { projectId, name, role: 'END_USER', canApproveScope: false } }, maria)).registerContact
        .contact.id as string;
    const [bob, eva] = [await contact('Bob Told'), await contact('Eva Told')];
    const { id: subjectId } = (
      await portal.ok(
        'AddRequirement',
        { input: { projectId, key: 'R1', title: 'Upload', text: 'Upload files', estimateHours: 10 } },
        maria,
      )
    ).addRequirement.requirement;
    for (const toldToId of [bob, eva]) {
      await portal.ok('ReportStatus', { input: { projectId, subjectId, toldStatus: 'ON_TRACK', toldToId, message: 'Fine' } }, maria);
    }
    await portal.ok('AssessStatus', { input: { projectId, subjectId, actualStatus: 'BLOCKED', note: 'Stuck' } }, maria);
    const gapsTo = async () =>
      (await portal.ok('PerceptionGapsByContact', { projectId }, maria)).perceptionGaps.map(
        (gap: { toldTo: { id: string } }) => gap.toldTo.id,
      );
    const gapCount = async () =>
      (await portal.graphql('query($p: ID!) { dashboard(projectId: $p) { perceptionGapCount } }', { p: projectId }, maria)).data!.dashboard;
    expect(await gapsTo()).toEqual([bob, eva]);
    expect(await gapCount()).toEqual({ perceptionGapCount: 2 });

    await portal.ok('ForgetContact', { input: { contactId: bob, reason: 'Asked to be forgotten' } }, maria);
    expect(await gapsTo()).toEqual([eva]);
    expect(await gapCount()).toEqual({ perceptionGapCount: 1 });
    const reports = (await portal.ok('StatusReports', { projectId }, maria)).statusReports as { toldTo: { id: string } }[];
    expect(reports.map((report) => report.toldTo.id)).toEqual([bob, eva]);
  });
});
