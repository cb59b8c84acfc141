import { newId } from '@cf/core';
import { EventSourcing } from '@cf/ledger';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';
import { reportingReadModel } from '../read-model/reporting.read-model.js';

describe('reportStatus and assessStatus', () => {
  let portal: Portal;
  let ada: string;
  let dev: string;
  let aud: string;
  let projectId: string;
  let pat: string;
  const read = () => reportingReadModel(portal.app.get(EventSourcing).readModels);

  /** A request straight into the store, so this spec needs only the requests projection. */
  const raiseRequest = async (title: string): Promise<string> => {
    const requestId = newId();
    const at = new Date().toISOString();
    const { position } = await portal.app.get(EventSourcing).store.append(
      `request-${requestId}`,
      [
        {
          type: 'RequestRaised',
          data: {
            requestId,
            projectId,
            title,
            description: 'As the customer wrote it',
            kind: 'FEATURE',
            channel: 'WRITTEN',
            requestedById: pat,
            requirementIds: [],
            at,
          },
          metadata: { actor: { userId: 'ada', name: 'Ada Manager' }, occurredAt: at, correlationId: newId() },
        },
      ],
      { expectedLastIndex: 'no_stream' },
    );
    await portal.app.get(EventSourcing).runner.waitFor(position, 10_000);
    return requestId;
  };
  const report = (subjectId: string, overrides: Record<string, unknown> = {}) => ({
    input: { projectId, subjectId, toldStatus: 'ON_TRACK', toldPercentComplete: 80, toldToId: pat, message: 'Nearly there', ...overrides },
  });
  const assess = (subjectId: string, overrides: Record<string, unknown> = {}) => ({
    input: { projectId, subjectId, actualStatus: 'BLOCKED', actualPercentComplete: 40, note: 'Waiting for the tax rules', ...overrides },
  });

  beforeAll(async () => {
    portal = await startPortal();
    ada = await portal.tokenFor('ada', 'Ada Manager');
    dev = await portal.tokenFor('dev', 'Dev Eloper');
    aud = await portal.tokenFor('aud', 'Aud Itor');
    const { openProject } = await portal.ok('OpenProject', { input: { name: 'Portal', customerName: 'ACME', budgetHours: 100 } }, ada);
    projectId = openProject.project.id;
    for (const [userId, name, role] of [
      ['dev', 'Dev Eloper', 'DEVELOPER'],
      ['aud', 'Aud Itor', 'AUDITOR'],
    ]) {
      await portal.ok('AddMember', { input: { projectId, userId, name, role } }, ada);
    }
    const contact = { projectId, name: 'Pat Proxy', role: 'PROXY', canApproveScope: false };
    pat = (await portal.ok('RegisterContact', { input: contact }, ada)).registerContact.contact.id;
  });
  afterAll(() => portal.close());

  it('records a report, then an assessment that contradicts it: a perception gap', async () => {
    const requestId = await raiseRequest('Export to CSV');
    const { reportStatus } = await portal.ok('ReportStatus', report(requestId), dev);
    expect(BigInt(reportStatus.position) > 0n).toBe(true);
    expect(await read().subject(requestId)).toMatchObject({ subject_type: 'REQUEST', title: 'Export to CSV', actual_status: null });
    expect(await read().reportsOf(projectId)).toEqual([
      expect.objectContaining({ subject_id: requestId, told_status: 'ON_TRACK', told_percent: 80, told_to_id: pat, agrees: null }),
    ]);
    expect(await read().gapsOf(projectId)).toEqual([]);
    const { assessStatus } = await portal.ok('AssessStatus', assess(requestId), ada);
    expect(BigInt(assessStatus.position) > BigInt(reportStatus.position)).toBe(true);
    expect(await read().subject(requestId)).toMatchObject({ project_id: projectId, actual_status: 'BLOCKED', actual_percent: 40 });
    expect(await read().gapsOf(projectId)).toEqual([
      expect.objectContaining({ subject_id: requestId, told_to_id: pat, told_status: 'ON_TRACK', actual_status: 'BLOCKED' }),
    ]);
  });

  it('sees no gap when the assessment agrees with the report', async () => {
    const requestId = await raiseRequest('Dark mode');
    await portal.ok('ReportStatus', report(requestId, { toldStatus: 'AT_RISK', toldPercentComplete: null }), ada);
    await portal.ok(
      'AssessStatus',
      assess(requestId, { actualStatus: 'AT_RISK', actualPercentComplete: null, note: 'Agreed with Pat' }),
      dev,
    );
    expect(await read().subject(requestId)).toMatchObject({ actual_status: 'AT_RISK' });
    expect((await read().gapsOf(projectId)).map((row) => row.subject_id)).not.toContain(requestId);
  });

  it('refuses an AUDITOR and writes nothing', async () => {
    const requestId = await raiseRequest('Audit me');
    const answer = await portal.send('ReportStatus', report(requestId), aud);
    expect(answer.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await portal.send('AssessStatus', assess(requestId), aud)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await read().subject(requestId)).toBeUndefined();
  });

  it('answers NOT_FOUND for an unknown subject and writes nothing', async () => {
    const unknown = newId();
    const answer = await portal.send('ReportStatus', report(unknown), ada);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(answer.errors?.[0].message).toBe(
      `Subject ${unknown} does not exist: a status report is about a request, a requirement or a commitment`,
    );
    expect(await read().subject(unknown)).toBeUndefined();
  });

  it('answers NOT_FOUND for a toldTo that is not a contact', async () => {
    const requestId = await raiseRequest('Who was told?');
    const answer = await portal.send('ReportStatus', report(requestId, { toldToId: newId() }), ada);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await read().subject(requestId)).toBeUndefined();
  });
});
