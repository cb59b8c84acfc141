import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

const PROMISES = 60;

interface Made {
  makeCommitment: { commitment: { id: string; estimateHours: number; outsideBudget: boolean } };
}

/**
 * A burst of promises on one project through one instance. Every one is decided on the project's
 * budget stream; they take turns there, so none is refused for losing a race to its neighbours,
 * and the reserve is drawn exactly once.
 */
describe('a burst of commitments on one budget through one instance', () => {
  let portal: Portal;
  let maria: string;
  let projectId: string;
  let madeToId: string;
  beforeAll(async () => {
    portal = await startPortal();
    maria = await portal.tokenFor('maria', 'Maria');
    projectId = (await portal.ok('OpenProject', { input: { name: 'Burst', customerName: 'ACME', budgetHours: 100 } }, maria)).openProject
      .project.id;
    const dora = { projectId, name: 'Dora Decider', role: 'DECISION_MAKER', canApproveScope: true };
    madeToId = (await portal.ok('RegisterContact', { input: dora }, maria)).registerContact.contact.id;
  });
  afterAll(() => portal.close());

  it('answers every promise with a commitment, and judges exactly the reserve inside the budget', async () => {
    const answers = await Promise.all(
      Array.from({ length: PROMISES }, (_, i) =>
        portal.send<Made>('MakeCommitment', { input: { projectId, summary: `Promise ${i}`, madeToId, estimateHours: 5 } }, maria),
      ),
    );
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    const made = answers.map((answer) => answer.data!.makeCommitment.commitment);
    expect(made.filter((c) => !c.outsideBudget)).toHaveLength(20);
    const { project } = await portal.ok('Project', { id: projectId }, maria);
    // 60 promises of 5 h draw 300 h, every one of them once.
    expect(project.budget).toMatchObject({ reserveHours: 100, remainingReserveHours: -200 });
  });

  it('takes revisions and withdrawals of the same budget in one burst, each on the picture the one before left', async () => {
    const { commitments } = await portal.ok('Commitments', { projectId, first: 100, filter: { outsideBudget: false } }, maria);
    const inside: string[] = commitments.edges.map((edge: { node: { id: string } }) => edge.node.id);
    const answers = await Promise.all([
      ...inside
        .slice(0, 10)
        .map((id) => portal.send('WithdrawCommitment', { input: { commitmentId: id, note: 'Not needed after all' } }, maria)),
      ...inside
        .slice(10)
        .map((id) => portal.send('ReviseCommitment', { input: { commitmentId: id, estimateHours: 4, reason: 'Smaller' } }, maria)),
    ]);
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    const { project } = await portal.ok('Project', { id: projectId }, maria);
    // Ten withdrawn give back 50 h and ten trimmed by 1 h give back 10 h, each exactly once.
    expect(project.budget).toMatchObject({ reserveHours: 100, remainingReserveHours: -140 });
  });
});
