import { EventSourcing } from '@cf/ledger';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

describe('reviseContact', () => {
  let portal: Portal;
  let ada: string;
  let dev: string;
  let aud: string;
  let projectId: string;
  let pat: string;
  const head = () => portal.app.get(EventSourcing).store.headPosition();
  const revise = (input: Record<string, unknown>, token: string) =>
    portal.send('ReviseContact', { input: { contactId: pat, ...input } }, token);

  beforeAll(async () => {
    portal = await startPortal();
    ada = await portal.tokenFor('ada', 'Ada Manager');
    dev = await portal.tokenFor('dev', 'Dev Eloper');
    aud = await portal.tokenFor('aud', 'Aud Itor');
    projectId = (await portal.ok('OpenProject', { input: { name: 'Portal', customerName: 'ACME', budgetHours: 100 } }, ada)).openProject
      .project.id;
    for (const [userId, name, role] of [
      ['dev', 'Dev Eloper', 'DEVELOPER'],
      ['aud', 'Aud Itor', 'AUDITOR'],
    ]) {
      await portal.ok('AddMember', { input: { projectId, userId, name, role } }, ada);
    }
    const input = { projectId, name: 'Pat Proxy', organisation: 'ACME', department: 'Sales', role: 'PROXY', canApproveScope: false };
    pat = (await portal.ok('RegisterContact', { input }, dev)).registerContact.contact.id;
  });
  afterAll(() => portal.close());

  it('lets a DEVELOPER move a contact to another department, keeping the contact and its history', async () => {
    const { reviseContact } = await portal.ok(
      'ReviseContact',
      { input: { contactId: pat, reason: 'Moved to claims', department: 'Claims' } },
      dev,
    );
    expect(reviseContact.contact).toEqual({
      id: pat,
      role: 'PROXY',
      canApproveScope: false,
      department: 'Claims',
      organisation: 'ACME',
      revision: 2,
    });
  });

  it('refuses a DEVELOPER changing role or authority, and registering someone who can approve scope (FORBIDDEN), writing nothing', async () => {
    const before = await head();
    for (const change of [{ canApproveScope: true }, { role: 'DECISION_MAKER' }]) {
      const answer = await revise({ reason: 'Promoted', ...change }, dev);
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'authorityByManager' });
    }
    const register = await portal.send(
      'RegisterContact',
      { input: { projectId, name: 'Bea Boss', role: 'DECISION_MAKER', canApproveScope: true } },
      dev,
    );
    expect(register.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'authorityByManager' });
    const audited = await revise({ reason: 'Moved', department: 'IT' }, aud);
    expect(audited.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'roleAllowed' });
    expect(await head()).toBe(before);
  });

  it('lets a MANAGER give a proxy authority, and the history keeps what the contact was before', async () => {
    const { reviseContact } = await portal.ok(
      'ReviseContact',
      {
        input: { contactId: pat, reason: 'Now heads claims', role: 'DECISION_MAKER', canApproveScope: true, expectedRevision: 2 },
      },
      ada,
    );
    expect(reviseContact.contact).toMatchObject({ role: 'DECISION_MAKER', canApproveScope: true, revision: 3 });
    const { history } = await portal.ok('History', { id: pat }, ada);
    expect(history.map((entry: { type: string }) => entry.type)).toEqual(['ContactRegistered', 'ContactRevised', 'ContactRevised']);
    expect(history[2].changes).toEqual([
      { field: 'role', from: 'PROXY', to: 'DECISION_MAKER' },
      { field: 'canApproveScope', from: 'false', to: 'true' },
      { field: 'reason', from: null, to: 'Now heads claims' },
    ]);
  });

  it('names the field of a change that changes nothing, a stale revision and an unknown contact, writing nothing', async () => {
    const before = await head();
    expect((await revise({ reason: 'Again', department: 'Claims' }, ada)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'department',
    });
    expect((await revise({ reason: '', department: 'IT' }, ada)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    const stale = (await revise({ reason: 'Late', department: 'IT', expectedRevision: 2 }, ada)).errors?.[0];
    // Named as the portal knows it, the entity and its id, not the stream it is kept in.
    expect(stale).toMatchObject({
      message: `Contact ${pat} was changed by someone else; it is now at revision 3`,
      extensions: { code: 'CONFLICT', entity: 'Contact', id: pat, currentRevision: 3 },
    });
    expect(stale?.extensions).not.toHaveProperty('stream');
    const unknown = await portal.send(
      'ReviseContact',
      { input: { contactId: '0190a6f4-0000-7000-8000-000000000000', reason: 'x', department: 'IT' } },
      ada,
    );
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await head()).toBe(before);
  });
});
