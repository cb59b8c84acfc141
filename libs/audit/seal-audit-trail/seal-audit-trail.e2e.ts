import { EventSourcing } from '@cf/ledger';
import { eventsTable } from '../../../test/harness/events-table.js';
import { overWebSocket } from '../../../test/harness/graphql-ws-client.js';
import { portalOperation } from '../../../test/harness/portal-operations.js';
import { type AuditWorld, setUpAuditWorld } from '../../../test/fixtures/audit-world.js';

describe('auditSeal and verifyAuditTrail against a seal', () => {
  let w: AuditWorld;
  const seal = async () =>
    (await w.portal.ok('AuditSeal', { projectId: w.projectId }, w.auditor)).auditSeal as { position: string; hash: string; at: string };
  const verify = async (sealed: { position: string; hash: string } | null) =>
    (
      await w.portal.ok(
        'VerifyAgainstSeal',
        { projectId: w.projectId, seal: sealed && { position: sealed.position, hash: sealed.hash } },
        w.auditor,
      )
    ).verifyAuditTrail;

  beforeAll(async () => (w = await setUpAuditWorld()));
  afterAll(() => w?.portal.close());

  it("seals the project's head (its last event's position and time) and verifies against it, over HTTP and graphql-ws", async () => {
    const sealed = await seal();
    expect(sealed).toMatchObject({ position: String(await w.head()), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await seal()).toEqual(sealed);
    expect(await verify(sealed)).toEqual({ ok: true, eventsChecked: 7, firstBrokenLink: null });
    const overWs = await overWebSocket(
      w.portal.url,
      portalOperation('VerifyAgainstSeal'),
      { projectId: w.projectId, seal: { position: sealed.position, hash: sealed.hash } },
      w.auditor,
    );
    expect(overWs.data?.verifyAuditTrail).toEqual({ ok: true, eventsChecked: 7, firstBrokenLink: null });
  });

  it('still holds when events come after the seal, and refuses a forged seal', async () => {
    const sealed = await seal();
    await w.portal.ok(
      'ReviseRequirement',
      { input: { requirementId: w.requirementId, estimateHours: 50, reason: 'more', expectedRevision: 2 } },
      w.manager,
    );
    expect((await verify(sealed)).ok).toBe(true);
    expect((await verify({ ...sealed, hash: sealed.hash.toUpperCase() })).ok).toBe(true); // the same hex digits
    const forged = await verify({ ...sealed, hash: 'f'.repeat(64) });
    expect(forged).toMatchObject({ ok: false, firstBrokenLink: { reason: 'SEAL_MISMATCH' } });
    const bad = await w.portal.send('VerifyAgainstSeal', { projectId: w.projectId, seal: { position: 'x', hash: 'y' } }, w.auditor);
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const withoutProject = await w.portal.send('VerifyAgainstSeal', { seal: { position: sealed.position, hash: sealed.hash } }, w.auditor);
    expect(withoutProject.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'seal' });
  });

  it("refuses a seal at 0, past the log or at another project's event on its position, never naming a broken link where no event is", async () => {
    const { hash } = await seal();
    // Another project's event, before this one's first or among its own: no seal of this project is there.
    const elsewhere = await w.portal.ok('OpenProject', { input: { name: 'Elsewhere', customerName: 'C', budgetHours: 1 } }, w.manager);
    for (const position of ['0', String((await w.head()) + 1n), '99999999999999999999999', String(elsewhere.openProject.position)]) {
      const answer = await w.portal.send('VerifyAgainstSeal', { projectId: w.projectId, seal: { position, hash } }, w.auditor);
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'position' });
    }
    // Past the last event, it may also be a genuine seal of a log whose last events were deleted: said so.
    const past = await w.portal.send(
      'VerifyAgainstSeal',
      { projectId: w.projectId, seal: { position: String((await w.head()) + 1n), hash } },
      w.auditor,
    );
    expect(past.errors?.[0].message).toMatch(/it is no seal of this log, or the events from there on were deleted/);
  });

  it("names a deleted last event against an earlier seal, which the streams' own chains cannot show", async () => {
    const sealed = await seal();
    const table = eventsTable(w.portal);
    const lastRevision = Number((await w.portal.ok('Requirement', { id: w.requirementId }, w.auditor)).requirement.revision) - 1;
    const row = await table.take(w.requirementStream, lastRevision);
    try {
      expect((await verify(null)).ok).toBe(true);
      expect(await verify(sealed)).toEqual({
        ok: false,
        eventsChecked: 7,
        firstBrokenLink: { stream: w.requirementStream, revision: lastRevision + 1, reason: 'MISSING_EVENT' },
      });
    } finally {
      await table.restore(row);
    }
    expect((await verify(sealed)).ok).toBe(true);
  });

  it('names a deleted sealed event a broken link, not a wrong seal, after the audit log was rebuilt without it', async () => {
    const sealed = await seal();
    await w.portal.ok('OpenProject', { input: { name: 'After the seal', customerName: 'C', budgetHours: 1 } }, w.manager);
    const { runner } = w.portal.app.get(EventSourcing);
    const rebuildAudit = async () => {
      await runner.stop();
      await runner.reset('audit');
      await runner.catchUp();
    };
    const table = eventsTable(w.portal);
    const lastRevision = Number((await w.portal.ok('Requirement', { id: w.requirementId }, w.auditor)).requirement.revision) - 1;
    const row = await table.take(w.requirementStream, lastRevision);
    try {
      await rebuildAudit();
      expect(await verify(sealed)).toMatchObject({ ok: false, firstBrokenLink: { reason: 'SEAL_MISMATCH' } });
    } finally {
      await table.restore(row);
      await rebuildAudit();
      void runner.start();
    }
    expect((await verify(sealed)).ok).toBe(true);
  });

  it('is for MANAGER and AUDITOR only', async () => {
    for (const token of [w.developer, w.customer]) {
      expect((await w.portal.send('AuditSeal', { projectId: w.projectId }, token)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
  });
});
