import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCommand } from '../../apps/cli/commands/export.command.js';
import { type Portal, startPortal } from '../../test/harness/portal-harness.js';

/** What the log keeps in plain of the contact (organisation, department, before and after a revision). */
const WORKPLACE = ['Garbo', 'Secret Dept', 'Oncology'];

describe('forgetting a contact: their organisation and department, kept in plain in the log, read [forgotten] wherever it is shown', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-workplace-'));
  let portal: Portal;
  let ada: string;
  let ids: { project: string; contact: string };
  afterAll(async () => {
    await portal?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    portal = await startPortal({ dataDir });
    ada = await portal.tokenFor('ada', 'Ada Manager');
    const project = (await portal.ok('OpenProject', { input: { name: 'Portal', customerName: 'ACME', budgetHours: 100 } }, ada)).openProject
      .project.id;
    const registered = await portal.ok(
      'RegisterContact',
      {
        input: {
          projectId: project,
          name: 'Greta Garbo',
          email: 'greta@garbo.example',
          organisation: 'Garbo Holdings',
          department: 'Secret Dept',
          role: 'END_USER',
          canApproveScope: false,
        },
      },
      ada,
    );
    const contact = registered.registerContact.contact.id;
    const revision = { contactId: contact, department: 'Oncology Ward 3', organisation: 'Garbo Clinic', reason: 'moved' };
    await portal.ok('ReviseContact', { input: revision }, ada);
    await portal.ok('ForgetContact', { input: { contactId: contact, reason: 'erasure' } }, ada);
    ids = { project, contact };
  });

  const expectNoWorkplace = (text: string) => {
    for (const word of WORKPLACE) expect({ word, found: text.includes(word) }).toEqual({ word, found: false });
  };

  it('shows them [forgotten] in the audit log, in a revision listed changes too, and in the history', async () => {
    const audit = await portal.ok('AuditLog', { filter: { projectId: ids.project, stream: `contact-${ids.contact}` }, first: 100 }, ada);
    const revised = audit.auditLog.edges.find((edge: { node: { type: string } }) => edge.node.type === 'ContactRevised').node;
    expect(revised.data).toMatchObject({ department: '[forgotten]', organisation: '[forgotten]' });
    expect(revised.data.changes).toEqual(
      expect.arrayContaining([
        { field: 'department', from: '[forgotten]', to: '[forgotten]' },
        { field: 'organisation', from: '[forgotten]', to: '[forgotten]' },
      ]),
    );
    const { history } = await portal.ok('History', { id: ids.contact }, ada);
    expect(history.map((entry: { type: string }) => entry.type)).toEqual(['ContactRegistered', 'ContactRevised', 'ContactForgotten']);
    expectNoWorkplace(JSON.stringify([audit, history]));
  });

  it('shows them [forgotten] in a readable export; a sealed one is the log as stored, so it still imports', async () => {
    const exported = async (unseal: boolean): Promise<string> => {
      const out = join(dataDir, `export-${String(unseal)}.ndjson`);
      await exportCommand(portal.config, { project: ids.project, out, unseal });
      return readFileSync(out, 'utf8');
    };
    const readable = await exported(true);
    expect(readable).toContain('ContactRevised');
    expect(readable).toContain('[forgotten]');
    expectNoWorkplace(readable);
    // The name stays sealed; organisation and department are as plain as in the store (README, known limits).
    const sealed = await exported(false);
    expect(sealed).toContain('enc:v1:');
    expect(sealed).not.toContain('Greta');
    expect(sealed).toContain('Oncology Ward 3');
  });
});
