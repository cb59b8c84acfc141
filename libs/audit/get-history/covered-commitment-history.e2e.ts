import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, workedProject } from '../../../test/fixtures/worked-project.js';

const HISTORY = 'query ($id: ID!) { history(id: $id) { stream revision type changes { field from to } } }';

/** An auditor reading one commitment sees when a change order began to pay for it, and when that ended. */
describe("a commitment's history and the change orders that covered it", () => {
  let portal: Portal;
  let p: WorkedProject;
  beforeAll(async () => {
    portal = await startPortal();
    p = await workedProject(portal);
  });
  afterAll(() => portal.close());

  it('holds each change order that covered it, at its revision of the project, beside its own events and the reports on it', async () => {
    const make = async (summary: string) =>
      (await portal.ok('MakeCommitment', { input: { projectId: p.projectId, madeToId: p.dora, summary, estimateHours: 16 } }, p.dan))
        .makeCommitment.commitment.id as string;
    const ocr = await make('OCR import');
    const other = await make('CSV export');
    const order = (budgetHours: number, coversCommitmentIds: string[]) =>
      portal.ok(
        'ChangeOrder',
        { input: { projectId: p.projectId, budgetHours, reason: `To ${budgetHours} h`, coversCommitmentIds, countersignedById: p.dora } },
        p.mia,
      );
    await order(116, [ocr]);
    await order(132, [other]);
    const told = { projectId: p.projectId, subjectId: ocr, toldStatus: 'ON_TRACK', toldToId: p.dora, message: 'Under way' };
    await portal.ok('ReportStatus', { input: told }, p.mia);
    await portal.ok('ReviseCommitment', { input: { commitmentId: ocr, estimateHours: 30, reason: 'Handwriting too' } }, p.dan);
    const { data } = await portal.graphql(HISTORY, { id: ocr }, p.mia);
    const history = data!.history as { stream: string; revision: number; type: string; changes: { field: string; to: string }[] }[];
    // The change order keeps the revision it has in the project's own history.
    const ofProject = (await portal.graphql(HISTORY, { id: p.projectId }, p.mia)).data!.history as typeof history;
    const signed = ofProject.find((e) => e.type === 'BudgetChanged' && e.changes.some((c) => c.to === 'To 116 h'))!;
    expect(history.map((e) => [e.stream, e.revision, e.type])).toEqual([
      [`budget-${p.projectId}`, 1, 'CommitmentMade'],
      [`budget-${p.projectId}`, signed.revision, 'BudgetChanged'],
      [`status-${ocr}`, 1, 'StatusReported'],
      [`budget-${p.projectId}`, 2, 'CommitmentRevised'],
    ]);
    expect(history[1].changes).toEqual(signed.changes); // read as the project's history reads it
    expect(history[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'budgetHours', from: '100', to: '116' },
        { field: 'budget.coversCommitmentIds', from: null, to: JSON.stringify([ocr]) },
      ]),
    );
  });
});
