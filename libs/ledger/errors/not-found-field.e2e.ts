import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

const UNKNOWN = '01a23f5b-22ec-76da-9a06-a8c68a2fffff';

/** An unknown id is refused naming the input that sent it, whichever rule found it missing. */
describe('NOT_FOUND names the input that sent the id, over HTTP', () => {
  let portal: Portal;
  let maria: string;
  let projectId: string;
  let contactId: string;
  beforeAll(async () => {
    portal = await startPortal();
    maria = await portal.tokenFor('maria', 'Maria');
    projectId = (await portal.ok('OpenProject', { input: { name: 'Named', customerName: 'ACME', budgetHours: 10 } }, maria)).openProject
      .project.id;
    const contact = { projectId, name: 'Dora', role: 'DECISION_MAKER', canApproveScope: true };
    contactId = (await portal.ok('RegisterContact', { input: contact }, maria)).registerContact.contact.id;
  });
  afterAll(() => portal.close());

  const refusal = async (operation: string, variables: Record<string, unknown>) =>
    (await portal.send(operation, variables, maria)).errors?.[0].extensions;

  it.each([
    ['MakeCommitment', () => ({ input: { projectId: UNKNOWN, summary: 'S', madeToId: contactId, estimateHours: 1 } }), 'projectId'],
    ['MakeCommitment', () => ({ input: { projectId, summary: 'S', madeToId: UNKNOWN, estimateHours: 1 } }), 'madeToId'],
    ['ApproveCommitment', () => ({ input: { commitmentId: UNKNOWN, note: 'Fine' } }), 'commitmentId'],
    ['ReviseCommitment', () => ({ input: { commitmentId: UNKNOWN, estimateHours: 2, reason: 'More' } }), 'commitmentId'],
    ['ConfirmRequest', () => ({ input: { requestId: UNKNOWN } }), 'requestId'],
    ['CorrectContactSession', () => ({ input: { sessionId: UNKNOWN, days: 1, reason: 'Longer' } }), 'sessionId'],
    ['CommitmentStanding', () => ({ id: UNKNOWN }), 'id'],
  ])('%s with an unknown id in %#', async (operation, variables, field) => {
    expect(await refusal(operation, variables())).toMatchObject({ code: 'NOT_FOUND', id: UNKNOWN, field });
  });
});
