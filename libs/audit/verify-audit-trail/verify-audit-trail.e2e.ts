import Database from 'better-sqlite3';
import { join } from 'node:path';
import { overWebSocket } from '../../../test/harness/graphql-ws-client.js';
import { portalOperation } from '../../../test/harness/portal-operations.js';
import { type AuditWorld, setUpAuditWorld } from '../../../test/fixtures/audit-world.js';

const onSqlite = process.env.EVENT_STORE !== 'postgres';
const tamperIt = onSqlite ? it : it.skip;
if (!onSqlite)
  console.log('verifyAuditTrail tamper tests skipped: they edit DATA_DIR/events.sqlite directly, and this run uses EVENT_STORE=postgres');

type Row = Record<string, unknown>;

describe('verifyAuditTrail', () => {
  let w: AuditWorld;
  let db: Database.Database;
  const verify = async (projectId: string | null = w.projectId, token = w.auditor) =>
    (await w.portal.ok('VerifyAuditTrail', { projectId }, token)).verifyAuditTrail;
  const row = (stream: string, revision: number): Row =>
    db.prepare('SELECT * FROM events WHERE stream = ? AND revision = ?').get(stream, revision) as Row;
  /** Tampers with the SQLite file as an attacker with file access would, then puts the row(s) back. */
  const tampered = async (sql: string[], undo: () => void) => {
    for (const statement of sql) db.exec(statement);
    try {
      return await verify();
    } finally {
      undo();
      expect((await verify()).ok).toBe(true);
    }
  };

  beforeAll(async () => {
    w = await setUpAuditWorld();
    if (onSqlite) db = new Database(join(w.portal.dataDir, 'events.sqlite'));
  });
  afterAll(async () => {
    db?.close();
    await w?.portal.close();
  });

  it("verifies an untouched project's streams (project, contact, requirement) with the right counts", async () => {
    expect(await verify()).toEqual({ ok: true, streamsChecked: 3, eventsChecked: 7, firstBrokenLink: null });
    expect(await verify(null)).toEqual({ ok: true, streamsChecked: 3, eventsChecked: 7, firstBrokenLink: null });
  });

  tamperIt('catches a changed data value in the requirement stream (HASH_MISMATCH)', async () => {
    const stream = w.requirementStream;
    const original = row(stream, 0);
    const result = await tampered(
      [`UPDATE events SET data = json_set(data, '$.estimateHours', 4) WHERE stream = '${stream}' AND revision = 0`],
      () => db.prepare('UPDATE events SET data = ? WHERE position = ?').run(original.data, original.position),
    );
    expect(result).toMatchObject({ ok: false, firstBrokenLink: { stream, revision: 1, reason: 'HASH_MISMATCH' } });
  });

  tamperIt('catches changed metadata: another actor (HASH_MISMATCH)', async () => {
    const stream = w.requirementStream;
    const original = row(stream, 1);
    const result = await tampered(
      [`UPDATE events SET metadata = json_set(metadata, '$.actor.name', 'Someone Else') WHERE stream = '${stream}' AND revision = 1`],
      () => db.prepare('UPDATE events SET metadata = ? WHERE position = ?').run(original.metadata, original.position),
    );
    expect(result.firstBrokenLink).toEqual({ stream, revision: 2, reason: 'HASH_MISMATCH' });
  });

  tamperIt('catches a deleted middle event (REVISION_GAP at the event after it)', async () => {
    const stream = `project-${w.projectId}`;
    const original = row(stream, 1);
    const columns = Object.keys(original);
    const result = await tampered([`DELETE FROM events WHERE stream = '${stream}' AND revision = 1`], () =>
      db
        .prepare(`INSERT INTO events (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
        .run(...Object.values(original)),
    );
    expect(result).toMatchObject({ ok: false, eventsChecked: 6, firstBrokenLink: { stream, revision: 3, reason: 'REVISION_GAP' } });
  });

  tamperIt('catches two events whose revision numbers were swapped (PREV_HASH_MISMATCH)', async () => {
    const stream = `project-${w.projectId}`;
    const swap = (a: number, b: number): string[] => [
      `UPDATE events SET revision = -1 WHERE stream = '${stream}' AND revision = ${a}`,
      `UPDATE events SET revision = ${a} WHERE stream = '${stream}' AND revision = ${b}`,
      `UPDATE events SET revision = ${b} WHERE stream = '${stream}' AND revision = -1`,
    ];
    const result = await tampered(swap(1, 2), () => swap(1, 2).forEach((statement) => db.exec(statement)));
    expect(result).toMatchObject({ ok: false, firstBrokenLink: { stream, revision: 2, reason: 'PREV_HASH_MISMATCH' } });
  });

  tamperIt('catches tampering when checking every stream too', async () => {
    const original = row(w.requirementStream, 1);
    db.prepare("UPDATE events SET type = 'RequirementRemoved' WHERE position = ?").run(original.position);
    try {
      expect((await verify(null)).firstBrokenLink).toEqual({ stream: w.requirementStream, revision: 2, reason: 'HASH_MISMATCH' });
    } finally {
      db.prepare('UPDATE events SET type = ? WHERE position = ?').run(original.type, original.position);
    }
  });

  it.each(['HTTP', 'graphql-ws'])(
    "checks only the caller's projects without a projectId, never another customer's (%s)",
    async (transport) => {
      const stranger = await w.portal.tokenFor(`zed-${transport}`, 'Zed');
      await w.portal.ok('OpenProject', { input: { name: 'Elsewhere', customerName: 'Initech', budgetHours: 5 } }, stranger);
      const own = await verify(w.projectId);
      const all =
        transport === 'HTTP'
          ? await verify(null)
          : (await overWebSocket(w.portal.url, portalOperation('VerifyAuditTrail'), { projectId: null }, w.auditor)).data?.verifyAuditTrail;
      expect(all).toEqual(own);
      expect((await w.portal.ok('VerifyAuditTrail', { projectId: null }, stranger)).verifyAuditTrail).toMatchObject({
        streamsChecked: 1,
        eventsChecked: 1,
      });
    },
  );

  it('is for MANAGER and AUDITOR only', async () => {
    expect((await verify(w.projectId, w.manager)).ok).toBe(true);
    for (const token of [w.developer, w.customer]) {
      expect((await w.portal.send('VerifyAuditTrail', { projectId: w.projectId }, token)).errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect((await w.portal.send('VerifyAuditTrail', {}, token)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
  });
});
