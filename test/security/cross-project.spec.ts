import { type Portal, startPortal } from '../harness/portal-harness.js';
import { overWebSocket } from '../harness/graphql-ws-client.js';
import { portalOperation } from '../harness/portal-operations.js';

/** Words only project Bravo's members may read. */
const BRAVO_SECRETS = /Bravo|Bianca|Secret|Hidden feature/;

describe("errors name nothing of another project's", () => {
  let portal: Portal;
  let alpha: { token: string; projectId: string; contactId: string };
  let bravo: { projectId: string; contactId: string; requestId: string; sessionId: string };
  beforeAll(async () => {
    portal = await startPortal();
    const ada = await portal.tokenFor('ada', 'Ada');
    const bob = await portal.tokenFor('bob', 'Bob');
    const open = async (token: string, name: string, contact: string) => {
      const projectId = (await portal.ok('OpenProject', { input: { name, customerName: 'C', budgetHours: 10 } }, token)).openProject.project
        .id;
      const contactId = (
        await portal.ok('RegisterContact', { input: { projectId, name: contact, role: 'DECISION_MAKER', canApproveScope: true } }, token)
      ).registerContact.contact.id;
      return { projectId, contactId };
    };
    alpha = { token: ada, ...(await open(ada, 'Alpha', 'Alan')) };
    const b = await open(bob, 'Bravo', 'Bianca Secret');
    const sessionId = (
      await portal.ok(
        'LogContactSession',
        {
          input: { projectId: b.projectId, date: '2026-03-02', days: 1, kind: 'ON_SITE', developerIds: ['bob'], contactIds: [b.contactId] },
        },
        bob,
      )
    ).logContactSession.session.id;
    const requestId = (
      await portal.ok(
        'RaiseRequest',
        {
          input: {
            projectId: b.projectId,
            title: 'Hidden feature',
            description: 'D',
            kind: 'FEATURE',
            channel: 'WRITTEN',
            requestedById: b.contactId,
          },
        },
        bob,
      )
    ).raiseRequest.request.id;
    bravo = { ...b, requestId, sessionId };
  });
  afterAll(() => portal.close());

  /** Alpha's manager sends operations that name Bravo's ids. */
  const attempts = () =>
    [
      ['Project', { id: bravo.projectId }],
      ['Request', { id: bravo.requestId }],
      ['History', { id: bravo.requestId }],
      [
        'RaiseRequest',
        {
          input: {
            projectId: alpha.projectId,
            title: 'T',
            description: 'D',
            kind: 'FEATURE',
            channel: 'DIRECT',
            requestedById: bravo.contactId,
            sessionId: bravo.sessionId,
          },
        },
      ],
      [
        'LogContactSession',
        {
          input: {
            projectId: alpha.projectId,
            date: '2026-03-02',
            days: 1,
            kind: 'ON_SITE',
            developerIds: ['ada'],
            contactIds: [bravo.contactId],
          },
        },
      ],
      ['AddMember', { input: { projectId: alpha.projectId, userId: 'cy', name: 'Cy', role: 'CUSTOMER', contactId: bravo.contactId } }],
      ['ApproveBaseline', { input: { projectId: alpha.projectId, name: 'B1', countersignedById: bravo.contactId } }],
      [
        'AddRequirement',
        { input: { projectId: alpha.projectId, key: 'R1', title: 'T', text: 'X', estimateHours: 1, requestId: bravo.requestId } },
      ],
      [
        'ReportStatus',
        {
          input: {
            projectId: alpha.projectId,
            subjectId: bravo.requestId,
            toldStatus: 'ON_TRACK',
            toldToId: alpha.contactId,
            message: 'm',
          },
        },
      ],
      ['MakeCommitment', { input: { projectId: alpha.projectId, summary: 'S', madeToId: bravo.contactId, estimateHours: 1 } }],
    ] as const;

  it.each(['HTTP', 'graphql-ws'])(
    'refuses every reference to project Bravo without naming its project, people or titles (%s)',
    async (transport) => {
      for (const [operation, variables] of attempts()) {
        const answer =
          transport === 'HTTP'
            ? await portal.send(operation, variables, alpha.token)
            : await overWebSocket(portal.url, portalOperation(operation), variables, alpha.token);
        expect({ operation, code: answer.errors?.[0].extensions.code }).toEqual({
          operation,
          code: expect.stringMatching(/FORBIDDEN|RULE_VIOLATED|NOT_FOUND/),
        });
        expect({ operation, message: answer.errors?.[0].message }).toEqual({
          operation,
          message: expect.not.stringMatching(BRAVO_SECRETS),
        });
      }
    },
  );
});
