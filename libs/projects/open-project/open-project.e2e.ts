import { EventSourcing } from '@cf/ledger';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

describe('openProject', () => {
  let portal: Portal;
  let ada: string;
  beforeAll(async () => {
    portal = await startPortal();
    ada = await portal.tokenFor('ada', 'Ada Manager');
  });
  afterAll(() => portal.close());

  it('opens a project whose opener is its first MANAGER, with 2 contact days by default', async () => {
    const { openProject } = await portal.ok('OpenProject', { input: { name: 'Portal', customerName: 'ACME', budgetHours: 100 } }, ada);
    expect(openProject.project).toMatchObject({
      name: 'Portal',
      customerName: 'ACME',
      budgetHours: 100,
      contactDaysTarget: 2,
      revision: 1,
    });
    expect(BigInt(openProject.position) > 0n).toBe(true);
    const { project } = await portal.ok('Project', { id: openProject.project.id }, ada);
    expect(project.members).toEqual([{ userId: 'ada', name: 'Ada Manager', role: 'MANAGER' }]);
  });

  it('answers a retried idempotency key with the first result and appends nothing', async () => {
    const input = { name: 'Once', customerName: 'ACME', budgetHours: 10, idempotencyKey: 'open-once' };
    const first = await portal.ok('OpenProject', { input }, ada);
    const again = await portal.ok('OpenProject', { input }, ada);
    expect(again).toEqual(first);
    const { projects } = await portal.ok('Projects', { first: 100 }, ada);
    expect(projects.edges.filter((e: { node: { name: string } }) => e.node.name === 'Once')).toHaveLength(1);
  });

  it('keeps a chosen id in lowercase, so the same id in capitals is refused as taken, not opened as a lookalike', async () => {
    const chosen = '0190aaaa-0000-7000-8000-00000000de30';
    const { openProject } = await portal.ok(
      'OpenProject',
      { input: { id: chosen.toUpperCase(), name: 'Chosen', customerName: 'ACME', budgetHours: 1 } },
      ada,
    );
    expect(openProject.project.id).toBe(chosen);
    const again = await portal.send(
      'OpenProject',
      { input: { id: chosen.toUpperCase(), name: 'Twin', customerName: 'ACME', budgetHours: 1 } },
      ada,
    );
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'alreadyExists' });
    const { projects } = await portal.ok('Projects', { first: 100 }, ada);
    expect(projects.edges.map((e: { node: { name: string } }) => e.node.name)).not.toContain('Twin');
    // The id in capitals names it everywhere: a query's id, an input's projectId and the ids it lists.
    const upper = chosen.toUpperCase();
    expect((await portal.ok('Project', { id: upper }, ada)).project).toMatchObject({ id: chosen, name: 'Chosen' });
    const contact = { projectId: upper, name: 'Dora', role: 'DECISION_MAKER', canApproveScope: true };
    const dora: string = (await portal.ok('RegisterContact', { input: contact }, ada)).registerContact.contact.id;
    const made = await portal.ok(
      'MakeCommitment',
      { input: { projectId: upper, summary: 'S', madeToId: dora.toUpperCase(), estimateHours: 1 } },
      ada,
    );
    const commitment: string = made.makeCommitment.commitment.id;
    const standing = await portal.ok('CommitmentStanding', { id: commitment.toUpperCase() }, ada);
    expect(standing.commitment).toMatchObject({ id: commitment });
  });

  it('keeps reaching a project opened with an id in capitals before chosen ids were kept in lowercase, by that id', async () => {
    const { store, runner } = portal.app.get(EventSourcing);
    const template = (await portal.ok('OpenProject', { input: { name: 'Older', customerName: 'ACME', budgetHours: 1 } }, ada)).openProject
      .project.id;
    // Its log as such a project's was written: the same events, under the id as it was chosen.
    const older = '0190AAAA-0000-7000-8000-00000000BEEF';
    const events = (await store.readStream(`project-${template}`)).map((e) => ({
      type: e.type,
      data: { ...e.data, projectId: older },
      metadata: e.metadata,
    }));
    const { position } = await store.append(`project-${older}`, events, { expectedLastIndex: 'no_stream' });
    expect(await runner.waitFor(position, 5_000)).toBe(true);
    expect((await portal.ok('Project', { id: older }, ada)).project).toMatchObject({ id: older, name: 'Older' });
    // Its stream as the audit log names it, in capitals too.
    const { auditLog } = await portal.ok('AuditLog', { filter: { projectId: older, stream: `project-${older}` } }, ada);
    expect(auditLog.edges.map((edge: { node: { stream: string } }) => edge.node.stream)).toEqual(events.map(() => `project-${older}`));
  });

  it('names the field of bad input and writes nothing', async () => {
    const answer = await portal.send('OpenProject', { input: { name: 'X', customerName: 'ACME', budgetHours: -5 } }, ada);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'budgetHours' });
    const { projects } = await portal.ok('Projects', { first: 100 }, ada);
    expect(projects.edges.map((e: { node: { name: string } }) => e.node.name)).not.toContain('X');
  });

  it('refuses a caller without a token', async () => {
    const answer = await portal.send('OpenProject', { input: { name: 'X', customerName: 'Y', budgetHours: 1 } }, '');
    expect(answer.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
