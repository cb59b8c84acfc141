import type { Portal } from '../harness/portal-harness.js';
import { type WorkedProject, workedProjectPortal } from '../fixtures/worked-project.js';
import { type Keyed, expectKeyedRetryAnswersFirst } from './keyed-retry.js';

/**
 * A change made once (approve, withdraw, resolve, remove, forget, correct, acknowledge) takes an
 * idempotency key too: without one, a retry after a lost answer is refused as done already, or
 * (a correction) recorded twice; with it, the retry answers the first result.
 */
describe('a one-time change retried with its idempotency key', () => {
  // Read when the webhooks' settings are made: a receiver on this machine may be named.
  beforeAll(() => (process.env.WEBHOOK_ALLOW_PRIVATE = 'true'));
  afterAll(() => Reflect.deleteProperty(process.env, 'WEBHOOK_ALLOW_PRIVATE'));
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  const made: Record<string, string> = {};

  const commitment = async (summary: string, requirementIds: string[]) =>
    (
      await portal.ok(
        'MakeCommitment',
        { input: { projectId: p.projectId, summary, madeToId: p.dora, estimateHours: 2, requirementIds } },
        p.dan,
      )
    ).makeCommitment.commitment.id as string;
  const request = async (title: string) =>
    (
      await portal.ok(
        'RaiseRequest',
        { input: { projectId: p.projectId, title, description: title, kind: 'FEATURE', channel: 'WRITTEN', requestedById: p.pat } },
        p.mia,
      )
    ).raiseRequest.request.id as string;

  beforeAll(async () => {
    ({ portal, p } = world);
    made.toApprove = await commitment('A report outside the requirements', []);
    made.toReject = await commitment('Another report outside the requirements', []);
    made.toWithdraw = await commitment('A field in R1', [p.r1]);
    made.toDeliver = await commitment('A button in R1', [p.r1]);
    made.toResolve = await request('To resolve');
    await portal.ok('RespondToRequest', { input: { requestId: made.toResolve, stance: 'ACCEPT', message: 'Will do' } }, p.mia);
    made.toWithdrawRequest = await request('To withdraw');
    made.toConfirm = await request('To confirm');
    const { addRequirement } = await portal.ok(
      'AddRequirement',
      { input: { projectId: p.projectId, key: 'R9', title: 'Dropped', text: 'To remove', estimateHours: 1 } },
      p.mia,
    );
    made.requirement = addRequirement.requirement.id;
    await portal.ok('AddMember', { input: { projectId: p.projectId, userId: 'eve', name: 'Eve', role: 'DEVELOPER' } }, p.mia);
    const contact = { projectId: p.projectId, name: 'Fay', role: 'END_USER', canApproveScope: false };
    made.contact = (await portal.ok('RegisterContact', { input: contact }, p.mia)).registerContact.contact.id;
    const session = { projectId: p.projectId, date: '2026-03-02', days: 1, kind: 'ON_SITE', developerIds: ['dan'], contactIds: [p.dora] };
    made.session = (await portal.ok('LogContactSession', { input: session }, p.mia)).logContactSession.session.id;
    const told = { projectId: p.projectId, subjectId: made.toConfirm, toldStatus: 'ON_TRACK', toldToId: p.pat, message: 'Soon' };
    await portal.ok('ReportStatus', { input: told }, p.mia);
    made.report = (await portal.ok('StatusReports', { projectId: p.projectId }, p.mia)).statusReports[0].id;
    for (const hook of ['a', 'b', 'c']) {
      const input = { projectId: p.projectId, url: `http://127.0.0.1:9/${hook}`, events: ['COMMITMENT_REJECTED'] };
      made[`hook-${hook}`] = (await portal.ok('RegisterWebhook', { input }, p.mia)).registerWebhook.webhook.id;
    }
  });

  const changes: Keyed[] = [
    { operation: 'ApproveCommitment', input: (n) => ({ commitmentId: made.toApprove, note: `Fine (${n})` }) },
    { operation: 'RejectCommitment', input: (n) => ({ commitmentId: made.toReject, note: `Not now (${n})` }) },
    { operation: 'WithdrawCommitment', input: (n) => ({ commitmentId: made.toWithdraw, note: `Not needed (${n})` }) },
    { operation: 'DeliverCommitment', input: (n) => ({ commitmentId: made.toDeliver, note: `Shipped (${n})` }) },
    { operation: 'ResolveRequest', input: (n) => ({ requestId: made.toResolve, resolution: `Done (${n})` }) },
    { operation: 'WithdrawRequest', input: (n) => ({ requestId: made.toWithdrawRequest, reason: `Asked twice (${n})` }) },
    { operation: 'ConfirmRequest', input: (n) => ({ requestId: made.toConfirm, note: `Yes (${n})` }), by: () => p.cora },
    { operation: 'RemoveRequirement', input: (n) => ({ requirementId: made.requirement, reason: `Out of scope (${n})` }) },
    {
      operation: 'RemoveMember',
      input: (n) => ({ projectId: p.projectId, userId: 'eve', reason: `Left (${n})` }),
      document: 'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { position project { id members { userId } } } }',
    },
    {
      // Its retry shows the first rotation's secret: the sender of a retry never saw it.
      operation: 'RotateWebhookSecret',
      input: (n) => ({ webhookId: made[n === 1 ? 'hook-a' : 'hook-b'] }),
      document: 'mutation($input: WebhookInput!) { rotateWebhookSecret(input: $input) { position webhook { id secret } } }',
    },
    {
      operation: 'DeactivateWebhook',
      input: (n) => ({ webhookId: made[n === 1 ? 'hook-b' : 'hook-c'] }),
      document: 'mutation($input: WebhookInput!) { deactivateWebhook(input: $input) { position webhook { id active } } }',
    },
    { operation: 'ForgetContact', input: (n) => ({ contactId: made.contact, reason: `Erasure request ${n}` }) },
    { operation: 'CorrectContactSession', input: (n) => ({ sessionId: made.session, reason: `Typo (${n})`, days: 0.5 }) },
    { operation: 'AcknowledgeStatus', input: (n) => ({ reportId: made.report, agrees: true, note: `Thanks (${n})` }), by: () => p.cora },
  ];

  it.each(changes)('$operation answers the first result again and records nothing twice', (change) =>
    expectKeyedRetryAnswersFirst(portal, change.by?.() ?? p.mia, change),
  );
});
