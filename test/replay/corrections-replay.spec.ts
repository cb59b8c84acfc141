import { EventSourcing } from '@cf/ledger';
import { LEDGER_PROJECTIONS } from '../../apps/api/ledger-contexts.js';
import { rebuildProjections } from '../../apps/cli/commands/rebuild.command.js';
import { type Portal, TEST_JWT_SECRET, startPortal } from '../harness/portal-harness.js';
import { readModelSnapshot } from '../harness/read-model-snapshot.js';

/**
 * Corrections of the record — members who join on a date and leave, revised contacts, corrected
 * and voided sessions, first-hand confirmations, acknowledged reports, removals with a trigger —
 * replayed into the read models, twice, give every table the live projections built.
 */
describe('replaying corrections of the record', () => {
  let portal: Portal;
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const storeEnv = (): Record<string, string> => {
    const { eventStore, dataDir, databaseUrl, databaseSchema } = portal.config;
    return {
      EVENT_STORE: eventStore,
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      ...(eventStore === 'postgres' ? { DATABASE_URL: databaseUrl!, DATABASE_SCHEMA: databaseSchema } : {}),
    };
  };
  const ok = (operation: string, input: Record<string, unknown>, token = t.maria) => portal.ok(operation, { input }, token);

  const tellTheStory = async (): Promise<void> => {
    const projectId = (ids.project = (
      await ok('OpenProject', { name: 'Claims', customerName: 'Northwind', budgetHours: 400 })
    ).openProject.project.id);
    const contact = async (name: string, department: string, canApproveScope = false) =>
      (
        await ok('RegisterContact', {
          projectId,
          name,
          organisation: 'Northwind',
          department,
          role: canApproveScope ? 'DECISION_MAKER' : 'END_USER',
          canApproveScope,
        })
      ).registerContact.contact.id;
    [ids.sven, ids.erik, ids.paula] = [
      await contact('Sven', 'Claims', true),
      await contact('Erik', 'claims '),
      await contact('Paula', 'IT'),
    ];
    await ok('AddMember', { projectId, userId: 'jonas', name: 'Jonas', role: 'DEVELOPER', since: '2026-01-20' });
    await ok('AddMember', { projectId, userId: 'erik', name: 'Erik', role: 'CUSTOMER', contactId: ids.erik });
    await ok('ReviseContact', {
      contactId: ids.paula,
      reason: 'Now approves scope',
      role: 'DECISION_MAKER',
      canApproveScope: true,
      department: 'Finance',
    });
    const session = async (date: string, days: number, contactIds: string[]) =>
      (await ok('LogContactSession', { projectId, date, days, kind: 'ON_SITE', developerIds: ['jonas'], contactIds }, t.jonas))
        .logContactSession.session.id;
    [ids.s1, ids.s2] = [await session('2026-01-30', 3, [ids.erik]), await session('2026-02-10', 1, [ids.paula])];
    await ok(
      'CorrectContactSession',
      { sessionId: ids.s1, reason: 'Next week', date: '2026-02-06', days: 2.5, contactIds: [ids.erik, ids.sven] },
      t.jonas,
    );
    await ok('CorrectContactSession', { sessionId: ids.s2, reason: 'Cancelled', voided: true }, t.jonas);
    const today = await session(new Date().toISOString().slice(0, 10), 0.5, [ids.erik]);
    ids.request = (
      await ok(
        'RaiseRequest',
        {
          projectId,
          title: 'Excel export',
          description: 'Relayed',
          kind: 'FEATURE',
          channel: 'PROXY',
          requestedById: ids.erik,
          relayedById: ids.paula,
          statedPriority: 'CRITICAL',
        },
        t.jonas,
      )
    ).raiseRequest.request.id;
    await ok('ConfirmRequest', { requestId: ids.request, sessionId: today, confirmedPriority: 'LOW' }, t.jonas);
    ids.r1 = (
      await ok('AddRequirement', { projectId, key: 'R1', title: 'Upload', text: 'Upload files', estimateHours: 80 })
    ).addRequirement.requirement.id;
    ids.r2 = (
      await ok('AddRequirement', { projectId, key: 'R2', title: 'Notify', text: 'Notify by email', estimateHours: 40 })
    ).addRequirement.requirement.id;
    await ok('ApproveBaseline', { projectId, name: 'V1', countersignedById: ids.sven });
    await ok(
      'ReviseRequirement',
      { requirementId: ids.r1, estimateHours: 90, reason: 'Seen on site', requestId: ids.request, sessionId: ids.s1 },
      t.jonas,
    );
    await ok('RemoveRequirement', { requirementId: ids.r2, reason: 'Not wanted', requestId: ids.request }, t.jonas);
    for (const toldToId of [ids.sven, ids.erik])
      await ok('ReportStatus', { projectId, subjectId: ids.r1, toldStatus: 'DONE', toldToId, message: 'Done' });
    await ok('AssessStatus', { projectId, subjectId: ids.r1, actualStatus: 'ON_TRACK', note: 'Not yet' }, t.jonas);
    const [report] = (await portal.ok('StatusReports', { projectId }, t.erik)).statusReports;
    await ok('AcknowledgeStatus', { reportId: report.id, agrees: false, note: 'Not done at all' }, t.erik);
    await portal.graphql(
      'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { position } }',
      { input: { projectId, userId: 'jonas', reason: 'Left', until: '2026-03-31' } },
      t.maria,
    );
    await ok('ForgetContact', { contactId: ids.sven, reason: 'Asked to be forgotten' });
  };

  beforeAll(async () => {
    portal = await startPortal();
    for (const [user, name] of [
      ['maria', 'Maria'],
      ['jonas', 'Jonas'],
      ['erik', 'Erik'],
    ])
      t[user] = await portal.tokenFor(user, name);
    await tellTheStory();
  });
  afterAll(() => portal.close());

  it('leaves every read-model table as the live projections built it, each time', async () => {
    const eventSourcing = portal.app.get(EventSourcing);
    await eventSourcing.runner.stop();
    const live = await readModelSnapshot(storeEnv());
    expect(live.dashboard_sessions).toHaveLength(3);
    expect(live.status_reports).toHaveLength(2);
    // Erik's gap; Sven's left with him when he was forgotten.
    expect(live.perception_gaps.map((row) => JSON.parse(row)).map((row) => [row.told_to_id, row.gap])).toEqual([[ids.erik, 1]]);
    for (const round of [1, 2]) {
      await rebuildProjections(
        eventSourcing.runner,
        LEDGER_PROJECTIONS.map((projection) => projection.name),
      );
      expect({ round, tables: await readModelSnapshot(storeEnv()) }).toEqual({ round, tables: live });
    }
  });
});
