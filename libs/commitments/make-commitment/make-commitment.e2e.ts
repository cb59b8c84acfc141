import { CommandBus } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing } from '@cf/ledger';
import { commitmentsReadModel } from '../read-model/commitments.read-model.js';
import { MakeCommitmentCommand } from './make-commitment.command.js';
import type { MakeCommitmentInput } from './make-commitment.input.js';
import type { Portal } from '../../../test/harness/portal-harness.js';
import { type WorkedProject, eventCount, workedProjectPortal } from '../../../test/fixtures/worked-project.js';

const ONE_COMMITMENT = `query One($id: ID!) { commitment(id: $id) {
  id status budgetAtDecision { remainingReserveHours } madeTo { id name } requests { id } } }`;
const REQUEST_COMMITMENTS = `query Of($id: ID!) { request(id: $id) { id commitments { id status } } }`;

describe('makeCommitment and who sees what', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  const input = (extra: Record<string, unknown> = {}) => ({
    input: { projectId: p.projectId, summary: 'Export', madeToId: p.dora, requirementIds: [p.r1], estimateHours: 8, ...extra },
  });

  beforeAll(() => ({ portal, p } = world));

  it('answers a retried idempotency key with the same commitment and appends nothing', async () => {
    const first = await portal.ok('MakeCommitment', input({ idempotencyKey: 'make-once' }), p.dan);
    const before = await eventCount(portal);
    const again = await portal.ok('MakeCommitment', input({ idempotencyKey: 'make-once' }), p.dan);
    expect(again.makeCommitment.commitment.id).toBe(first.makeCommitment.commitment.id);
    expect(again).toEqual(first);
    expect(await eventCount(portal)).toBe(before);
    expect((await portal.ok('Commitments', { projectId: p.projectId }, p.mia)).commitments.totalCount).toBe(1);
  });

  it('refuses makers who are not MANAGER or DEVELOPER, unknown contacts and bad hours, writing nothing', async () => {
    const before = await eventCount(portal);
    expect((await portal.send('MakeCommitment', input(), p.ann)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await portal.send('MakeCommitment', input(), p.cora)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const unknown = await portal.send('MakeCommitment', input({ madeToId: '0190f7a4-0000-7000-8000-000000000000' }), p.mia);
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
    // Zero and below say the same: a promise takes some time.
    for (const estimateHours of [0, -1]) {
      const refused = await portal.send('MakeCommitment', input({ estimateHours }), p.mia);
      expect({ estimateHours, message: refused.errors?.[0].message, ...refused.errors?.[0].extensions }).toMatchObject({
        estimateHours,
        message: 'estimateHours: must be more than zero',
        code: 'BAD_USER_INPUT',
        field: 'estimateHours',
      });
    }
    expect(await eventCount(portal)).toBe(before);
  });

  it("keeps the budget from a CUSTOMER: budget figures and members' user ids read null", async () => {
    const answer = await portal.send('Project', { id: p.projectId }, p.cora);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.project).toMatchObject({ id: p.projectId, budget: null, budgetHours: null });
    expect(answer.data?.project.members.map((m: { userId: string | null }) => m.userId)).toEqual(
      answer.data?.project.members.map(() => null),
    );
    const auditor = await portal.ok('Project', { id: p.projectId }, p.ann);
    expect(auditor.project.budget.remainingReserveHours).toBe(30);
  });

  it('shows a CUSTOMER only the commitments made to them, without budget figures', async () => {
    const { raiseRequest } = await portal.ok(
      'RaiseRequest',
      {
        input: {
          projectId: p.projectId,
          title: 'CSV too',
          description: '',
          kind: 'FEATURE',
          channel: 'WRITTEN',
          requestedById: p.pat,
        },
      },
      p.cora,
    );
    const requestId = raiseRequest.request.id;
    const toPat = (
      await portal.ok('MakeCommitment', input({ madeToId: p.pat, requestIds: [requestId], requirementIds: [], estimateHours: 4 }), p.mia)
    ).makeCommitment.commitment;
    const seen = (await portal.ok('Commitments', { projectId: p.projectId }, p.cora)).commitments;
    expect(seen.totalCount).toBe(1);
    expect(seen.edges[0].node).toMatchObject({ id: toPat.id, madeTo: { id: p.pat }, requests: [{ id: requestId }] });
    const one = await portal.graphql(ONE_COMMITMENT, { id: toPat.id }, p.cora);
    expect(one.data?.commitment).toMatchObject({ id: toPat.id, budgetAtDecision: null, madeTo: { id: p.pat, name: 'Pat Proxy' } });
    const internal = await portal.graphql(ONE_COMMITMENT, { id: toPat.id }, p.ann);
    expect(internal.data?.commitment.budgetAtDecision).toEqual({ remainingReserveHours: 30 });
    const mine = (await portal.ok('Commitments', { projectId: p.projectId }, p.mia)).commitments.edges[0].node.id;
    expect((await portal.graphql(ONE_COMMITMENT, { id: mine }, p.cora)).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      id: mine,
    });
    const ofRequest = await portal.graphql(REQUEST_COMMITMENTS, { id: requestId }, p.cora);
    expect(ofRequest.data?.request.commitments).toEqual([{ id: toPat.id, status: 'PENDING_APPROVAL' }]);
  });

  it('lets a manager approve, reject (with a note) and deliver', async () => {
    const pending = (await portal.ok('MakeCommitment', input({ requirementIds: [], estimateHours: 2 }), p.dan)).makeCommitment.commitment;
    const approved = await portal.ok('ApproveCommitment', { input: { commitmentId: pending.id, note: '' } }, p.mia);
    expect(approved.approveCommitment.commitment).toEqual({ id: pending.id, status: 'APPROVED' });
    const delivered = await portal.ok('DeliverCommitment', { input: { commitmentId: pending.id, note: 'shipped' } }, p.dan);
    expect(delivered.deliverCommitment.commitment.status).toBe('DELIVERED');
    const other = (await portal.ok('MakeCommitment', input({ requirementIds: [], estimateHours: 2 }), p.dan)).makeCommitment.commitment;
    const noNote = await portal.send('RejectCommitment', { input: { commitmentId: other.id, note: '' } }, p.mia);
    expect(noNote.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const rejected = await portal.ok('RejectCommitment', { input: { commitmentId: other.id, note: 'Out of scope' } }, p.mia);
    expect(rejected.rejectCommitment.commitment.status).toBe('REJECTED');
    const again = await portal.send('WithdrawCommitment', { input: { commitmentId: other.id, note: 'x' } }, p.mia);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'finalState' });
    const missing = await portal.send(
      'ApproveCommitment',
      { input: { commitmentId: '0190f7a4-0000-7000-8000-000000000000', note: '' } },
      p.mia,
    );
    expect(missing.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('never judges two commitments of one project on the same picture', async () => {
    const { remainingReserveHours } = (await portal.ok('Project', { id: p.projectId }, p.mia)).project.budget;
    expect(remainingReserveHours).toBeGreaterThanOrEqual(12);
    // Each takes a quarter of the reserve and 1 h more: the first three fit, the last two cannot.
    const hours = remainingReserveHours / 4 + 1;
    // Sent on the bus in one tick: all five read the same budget stream; its revision lets one append, the others decide again.
    const bus = portal.app.get(CommandBus);
    const mia = { actor: { userId: 'mia', name: 'Mia Manager' }, correlationId: 'race' };
    const results: CommandResult[] = await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        bus.execute(new MakeCommitmentCommand(input({ requirementIds: [], estimateHours: hours }).input as MakeCommitmentInput, mia)),
      ),
    );
    const read = commitmentsReadModel(portal.app.get(EventSourcing).readModels);
    const eventSourcing = portal.app.get(EventSourcing);
    const rows = await Promise.all(
      results.map(async (r) => read.commitment(String((await eventSourcing.eventAt(r.position))?.data.commitmentId))),
    );
    expect(rows.filter((row) => row!.outside_budget === 1)).toHaveLength(2);
  });
});
