import { TargetHosts } from '@cf/webhooks';
import { type WorkedProject, eventCount, workedProjectPortal } from '../fixtures/worked-project.js';
import type { Portal } from '../harness/portal-harness.js';

/** An id no entity has, shaped like the real ones. */
const UNKNOWN = '0195f3a0-0000-7000-8000-00000000beef';

describe('a customer asking for an id they may not see', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  const ids: Record<string, string> = {};
  /** What a customer may send naming an id: the operation, and an id of their project that is not theirs to see. */
  const probes = (): [string, string, string][] => [
    ['contact', 'query ($id: ID!) { contact(id: $id) { id name } }', p.dora],
    ['session', 'query ($id: ID!) { session(id: $id) { id date } }', ids.session],
    ['request', 'query ($id: ID!) { request(id: $id) { id title } }', ids.request],
    ['commitment', 'query ($id: ID!) { commitment(id: $id) { id summary } }', ids.commitment],
    ['requirement', 'query ($id: ID!) { requirement(id: $id) { id key } }', p.r1],
    ['history', 'query ($id: ID!) { history(id: $id) { type } }', p.r1],
    ['confirmRequest', 'mutation ($id: ID!) { confirmRequest(input: { requestId: $id }) { position } }', ids.request],
    [
      'approveCommitment',
      'mutation ($id: ID!) { approveCommitment(input: { commitmentId: $id, note: "ok" }) { position } }',
      ids.commitment,
    ],
    ['acknowledgeStatus', 'mutation ($id: ID!) { acknowledgeStatus(input: { reportId: $id, agrees: false }) { position } }', ids.report],
    ['deactivateWebhook', 'mutation ($id: ID!) { deactivateWebhook(input: { webhookId: $id }) { position } }', ids.webhook],
  ];
  /** The answer with the id it was sent written as <id>: nothing else may tell two answers apart. */
  const answer = async (document: string, id: string, token: string): Promise<unknown> =>
    JSON.parse(
      JSON.stringify(await portal.graphql(document, { id }, token))
        .split(id)
        .join('<id>'),
    );

  beforeAll(async () => {
    ({ portal, p } = world);
    const session = { projectId: p.projectId, date: '2026-01-15', days: 1, kind: 'ON_SITE', developerIds: ['dan'], contactIds: [p.dora] };
    ids.session = (await portal.ok('LogContactSession', { input: session }, p.dan)).logContactSession.session.id;
    const request = { title: 'CSV export', description: 'Monthly', kind: 'FEATURE', channel: 'DIRECT', sessionId: ids.session };
    ids.request = (
      await portal.ok('RaiseRequest', { input: { projectId: p.projectId, ...request, requestedById: p.dora } }, p.dan)
    ).raiseRequest.request.id;
    const commitment = { projectId: p.projectId, summary: 'CSV export', madeToId: p.dora, requirementIds: [p.r1], estimateHours: 10 };
    ids.commitment = (await portal.ok('MakeCommitment', { input: commitment }, p.mia)).makeCommitment.commitment.id;
    const report = { projectId: p.projectId, subjectId: ids.commitment, toldStatus: 'ON_TRACK', toldToId: p.dora, message: 'On its way' };
    await portal.ok('ReportStatus', { input: report }, p.mia);
    ids.report = (await portal.ok('StatusReports', { projectId: p.projectId }, p.mia)).statusReports[0].id;
    portal.app.get(TargetHosts).resolve = async () => ['93.184.216.34']; // a public address, without asking a name service
    const webhook = { projectId: p.projectId, url: 'https://hooks.example.com/ledger', events: ['PERCEPTION_GAP_OPENED'] };
    ids.webhook = (await portal.ok('RegisterWebhook', { input: webhook }, p.mia)).registerWebhook.webhook.id;
    const own = { projectId: p.projectId, ...request, channel: 'WRITTEN', sessionId: undefined, requestedById: p.pat };
    ids.ownRequest = (await portal.ok('RaiseRequest', { input: own }, p.cora)).raiseRequest.request.id;
  });

  it('gets exactly the answer to an unknown id (NOT_FOUND), and nothing is written', async () => {
    const before = await eventCount(portal);
    for (const [name, document, id] of probes()) {
      const unseen = await answer(document, id, p.cora);
      expect({ name, unseen }).toEqual({ name, unseen: await answer(document, UNKNOWN, p.cora) });
      expect({ name, code: (unseen as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code }).toEqual({
        name,
        code: 'NOT_FOUND',
      });
    }
    expect(await eventCount(portal)).toBe(before);
  });

  it('still reads what is theirs, and is FORBIDDEN what they see but may not do', async () => {
    expect((await portal.graphql('query ($id: ID!) { contact(id: $id) { id } }', { id: p.pat }, p.cora)).data).toEqual({
      contact: { id: p.pat },
    });
    expect((await portal.graphql('query ($id: ID!) { request(id: $id) { id } }', { id: ids.ownRequest }, p.cora)).data).toEqual({
      request: { id: ids.ownRequest },
    });
    const respond = await portal.send(
      'RespondToRequest',
      { input: { requestId: ids.ownRequest, stance: 'CLARIFY', message: 'Which month?' } },
      p.cora,
    );
    expect(respond.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'roleAllowed' });
    const forget = await portal.send('ForgetContact', { input: { contactId: p.pat, reason: 'Leaving' } }, p.cora);
    expect(forget.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'roleAllowed' });
  });

  it('leaves the team their answers: they read every one of these, and a role not allowed is still FORBIDDEN', async () => {
    for (const [name, document, id] of probes().slice(0, 6)) {
      const read = await portal.graphql(document, { id }, p.ann);
      expect({ name, errors: read.errors, found: Object.values(read.data ?? {})[0] !== null }).toEqual({
        name,
        errors: undefined,
        found: true,
      });
    }
    const approve = await portal.graphql(probes()[7][1], { id: ids.commitment }, p.ann);
    expect(approve.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'roleAllowed' });
    const acknowledge = await portal.graphql(probes()[8][1], { id: ids.report }, p.mia);
    expect(acknowledge.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'roleAllowed' });
    const unknown = await portal.graphql(probes()[0][1], { id: UNKNOWN }, p.mia);
    expect(unknown.errors?.[0]).toMatchObject({ message: `Contact ${UNKNOWN} does not exist`, extensions: { code: 'NOT_FOUND' } });
  });
});
