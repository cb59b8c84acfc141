import type { Portal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

/** A due date set by mistake comes off with an explicit null; an omitted one stays as it was. */
describe('clearing a commitment’s due date', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  beforeAll(() => ({ portal, p } = world));
  const DUE = 'query($id: ID!) { commitment(id: $id) { dueDate revision } }';

  it('clears it with null, keeps it when omitted, and records the change in the audit log', async () => {
    const input = { projectId: p.projectId, madeToId: p.dora, summary: 'Reports', estimateHours: 5, dueDate: '2031-01-31' };
    const id: string = (await portal.ok('MakeCommitment', { input }, p.mia)).makeCommitment.commitment.id;
    const revise = (change: Record<string, unknown>) =>
      portal.ok('ReviseCommitment', { input: { commitmentId: id, reason: 'Set by mistake', ...change } }, p.mia);
    await revise({ estimateHours: 6 });
    expect((await portal.graphql(DUE, { id }, p.mia)).data!.commitment).toEqual({ dueDate: '2031-01-31', revision: 2 });
    await revise({ dueDate: null });
    expect((await portal.graphql(DUE, { id }, p.mia)).data!.commitment).toEqual({ dueDate: null, revision: 3 });
    const again = await portal.send('ReviseCommitment', { input: { commitmentId: id, reason: 'Again', dueDate: null } }, p.mia);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'revisionChangesSomething' });
    const filter = { projectId: p.projectId, types: ['CommitmentRevised'] };
    const { auditLog } = await portal.ok('AuditLog', { filter, first: 50 }, p.mia);
    const last = auditLog.edges.at(-1).node.data;
    expect(last).toMatchObject({ commitmentId: id, changes: [{ field: 'dueDate', from: '2031-01-31', to: null }] });
  });
});
