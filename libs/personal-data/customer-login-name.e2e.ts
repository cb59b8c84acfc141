import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCommand } from '../../apps/cli/commands/export.command.js';
import { type Portal, startPortal } from '../../test/harness/portal-harness.js';

/** The name a CUSTOMER member signs in with is the contact's personal data wherever an event's data holds it. */
describe('forgetting a contact who acted as a CUSTOMER member', () => {
  const LOGIN = 'Zebedee Q. Marchbanks (login)';
  let portal: Portal;
  let ada: string;
  let zeb: string;
  let requestId: string;
  const everything = async () =>
    JSON.stringify([
      (await portal.ok('AuditLog', { filter: { projectId }, first: 100 }, ada)).auditLog.edges.map(
        (edge: { node: { type: string; data: unknown; actor: unknown } }) => [edge.node.type, edge.node.data, edge.node.actor],
      ),
      (await portal.ok('History', { id: requestId }, ada)).history.map((entry: { changes: unknown; actor: unknown }) => [
        entry.changes,
        entry.actor,
      ]),
      (await portal.ok('StatusReports', { projectId }, ada)).statusReports,
      (await portal.ok('Request', { id: requestId }, ada)).request,
    ]);
  let projectId: string;

  beforeAll(async () => {
    portal = await startPortal();
    ada = await portal.tokenFor('ada', 'Ada Manager');
    zeb = await portal.tokenFor('zeb', LOGIN);
    projectId = (await portal.ok('OpenProject', { input: { name: 'Portal', customerName: 'ACME', budgetHours: 100 } }, ada)).openProject
      .project.id;
    const contactInput = { projectId, name: 'Zebedee Marchbanks', role: 'END_USER', canApproveScope: false };
    const contact = (await portal.ok('RegisterContact', { input: contactInput }, ada)).registerContact.contact.id;
    await portal.ok('AddMember', { input: { projectId, userId: 'zeb', name: LOGIN, role: 'CUSTOMER', contactId: contact } }, ada);
    const raised = { projectId, title: 'Bulk upload', description: 'Letters in batches', kind: 'FEATURE', channel: 'PROXY' };
    const relay = (await portal.ok('RegisterContact', { input: { ...contactInput, name: 'Paula Proxy', role: 'PROXY' } }, ada))
      .registerContact.contact.id;
    requestId = (await portal.ok('RaiseRequest', { input: { ...raised, requestedById: contact, relayedById: relay } }, ada)).raiseRequest
      .request.id;
    await portal.ok('ConfirmRequest', { input: { requestId } }, zeb);
    const told = { projectId, subjectId: requestId, toldStatus: 'ON_TRACK', toldPercentComplete: 50, toldToId: contact, message: 'Soon' };
    await portal.ok('ReportStatus', { input: told }, ada);
    const [report] = (await portal.ok('StatusReports', { projectId }, zeb)).statusReports;
    await portal.ok('AcknowledgeStatus', { input: { reportId: report.id, agrees: false, note: 'Nothing works yet' } }, zeb);
    // Read while the key exists: the name is there, in plain.
    expect(await everything()).toContain(LOGIN);
    await portal.ok('ForgetContact', { input: { contactId: contact, reason: 'GDPR erasure request' } }, ada);
  });
  afterAll(() => portal.close());

  it('reads [forgotten] for who confirmed the request and who disputed the report, in the audit log and history too', async () => {
    const { auditLog } = await portal.ok('AuditLog', { filter: { projectId }, first: 100 }, ada);
    const dataOf = (type: string) => auditLog.edges.find((edge: { node: { type: string } }) => edge.node.type === type).node.data;
    expect(dataOf('RequestConfirmed').confirmedBy).toEqual({ userId: 'zeb', name: '[forgotten]' });
    expect(dataOf('StatusAcknowledged').acknowledgedBy).toMatchObject({ name: '[forgotten]' });
    const actorOf = (type: string) => auditLog.edges.find((edge: { node: { type: string } }) => edge.node.type === type).node.actor;
    expect(actorOf('RequestConfirmed')).toEqual({ userId: 'zeb', name: '[forgotten]' });
    expect(actorOf('StatusAcknowledged')).toEqual({ userId: 'zeb', name: '[forgotten]' });
    expect(actorOf('ContactForgotten')).toEqual({ userId: 'ada', name: 'Ada Manager' });
    const seen = await everything();
    expect(seen).not.toContain(LOGIN);
    expect(seen).not.toContain('enc:v1:');
  });

  it('writes [forgotten] for the name they acted under in an export for people to read (--unseal)', async () => {
    const out = join(tmpdir(), `cf-login-name-export-${process.pid}.ndjson`);
    await exportCommand(portal.config, { out, unseal: true });
    let text: string;
    try {
      text = readFileSync(out, 'utf8');
    } finally {
      rmSync(out, { force: true });
    }
    const events = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; metadata: { actor: { userId: string; name: string } } });
    const actorOf = (type: string) => events.find((event) => event.type === type)?.metadata.actor;
    expect(actorOf('RequestConfirmed')).toEqual({ userId: 'zeb', name: '[forgotten]' });
    expect(actorOf('StatusAcknowledged')).toEqual({ userId: 'zeb', name: '[forgotten]' });
    expect(actorOf('ContactForgotten')).toEqual({ userId: 'ada', name: 'Ada Manager' });
    expect(JSON.stringify(events)).not.toContain(LOGIN);
  });
});
