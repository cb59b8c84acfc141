import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

describe('changeBudget', () => {
  let portal: Portal;
  let maria: string;
  let jonas: string;
  let projectId: string;
  beforeAll(async () => {
    portal = await startPortal();
    [maria, jonas] = [await portal.tokenFor('maria', 'Maria'), await portal.tokenFor('jonas', 'Jonas')];
    const opened = await portal.ok('OpenProject', { input: { name: 'Budgeted', customerName: 'ACME', budgetHours: 100 } }, maria);
    projectId = opened.openProject.project.id;
    await portal.ok('AddMember', { input: { projectId, userId: 'jonas', name: 'Jonas', role: 'DEVELOPER' } }, maria);
  });
  afterAll(() => portal.close());

  it('moves the budget and the reserve by a change order', async () => {
    const { changeBudget } = await portal.ok(
      'ChangeBudget',
      { input: { projectId, budgetHours: 130, reason: 'Change order 7: bulk upload', expectedRevision: 2 } },
      maria,
    );
    expect(changeBudget.project).toEqual({ id: projectId, budgetHours: 130, revision: 3 });
    const { project } = await portal.ok('Project', { id: projectId }, maria);
    expect(project.budget).toMatchObject({ budgetHours: 130, reserveHours: 130, remainingReserveHours: 130 });
  });

  it('refuses a stale expectedRevision with CONFLICT and the current revision', async () => {
    const answer = await portal.send('ChangeBudget', { input: { projectId, budgetHours: 90, reason: 'late', expectedRevision: 1 } }, maria);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentRevision: 3 });
    expect((await portal.ok('Project', { id: projectId }, maria)).project.budgetHours).toBe(130);
  });

  it("is a MANAGER's decision only and needs a reason", async () => {
    const byDeveloper = await portal.send('ChangeBudget', { input: { projectId, budgetHours: 90, reason: 'more' } }, jonas);
    expect(byDeveloper.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const noReason = await portal.send('ChangeBudget', { input: { projectId, budgetHours: 90, reason: '' } }, maria);
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await portal.ok('Project', { id: projectId }, maria)).project).toMatchObject({ budgetHours: 130, revision: 3 });
  });

  it("names coversCommitmentIds when it names another project's commitment, or none", async () => {
    const other = (await portal.ok('OpenProject', { input: { name: 'Other', customerName: 'ACME', budgetHours: 50 } }, maria)).openProject
      .project.id;
    const contact = { projectId: other, name: 'Otto', role: 'DECISION_MAKER', canApproveScope: true };
    const otto = (await portal.ok('RegisterContact', { input: contact }, maria)).registerContact.contact.id;
    const input = { projectId: other, summary: 'Elsewhere', madeToId: otto, estimateHours: 5 };
    const elsewhere = (await portal.ok('MakeCommitment', { input }, maria)).makeCommitment.commitment.id;
    const covering = (id: string) =>
      portal.send('ChangeBudget', { input: { projectId, budgetHours: 140, reason: 'Change order 8', coversCommitmentIds: [id] } }, maria);
    // Another project's commitment reads as an unknown one: the same code, field and words.
    const unknown = '01a23f5b-22ec-76da-9a06-a8c68a2fffff';
    const [foreign, none] = [(await covering(elsewhere)).errors?.[0], (await covering(unknown)).errors?.[0]];
    expect(foreign?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'coversCommitmentIds' });
    expect(none?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'coversCommitmentIds' });
    expect(foreign?.message.replace(elsewhere, '<id>')).toBe(none?.message.replace(unknown, '<id>'));
    expect((await portal.ok('Project', { id: projectId }, maria)).project).toMatchObject({ budgetHours: 130, revision: 3 });
  });
});
