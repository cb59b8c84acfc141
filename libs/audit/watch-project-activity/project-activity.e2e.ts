import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { signToken } from '@cf/ledger';
import { TEST_JWT_SECRET } from '../../../test/harness/portal-harness.js';
import { portalOperation } from '../../../test/harness/portal-operations.js';
import { type AuditWorld, openOtherProject, setUpAuditWorld } from '../../../test/fixtures/audit-world.js';

interface Activity {
  position: string;
  stream: string;
  type: string;
  occurredAt: string;
  actor: { name: string };
  summary: string;
}

/** A real graphql-ws client on the portal's server, collecting what one subscription receives. */
const subscribe = (w: AuditWorld, token: string | undefined, projectId: string) => {
  const client: Client = createClient({
    url: w.portal.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token === undefined ? {} : { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const received: { data?: { projectActivity: Activity }; errors?: { extensions: { code: string } }[] }[] = [];
  const failures: unknown[] = [];
  client.subscribe(
    { query: portalOperation('ProjectActivity'), variables: { projectId } },
    {
      next: (value) => void received.push(value as never),
      error: (error) => void failures.push(error),
      complete: () => undefined,
    },
  );
  return { client, received, failures };
};

const REMOVE_MEMBER = 'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { position } }';

const until = async (condition: () => boolean, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** There is no "subscribed" acknowledgement in graphql-ws: give the server a moment to register. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 500));

describe('projectActivity (graphql-ws)', () => {
  let w: AuditWorld;
  const clients: Client[] = [];
  beforeAll(async () => (w = await setUpAuditWorld()));
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await w?.portal.close();
  });

  it("delivers an event of the project after a mutation, with a sentence saying what happened, and not other projects' events", async () => {
    const otherId = await openOtherProject(w);
    const feed = subscribe(w, w.developer, w.projectId);
    clients.push(feed.client);
    await settle();
    await w.portal.ok('ChangeBudget', { input: { projectId: otherId, budgetHours: 20, reason: 'more' } }, w.manager);
    const { makeCommitment } = await w.portal.ok(
      'MakeCommitment',
      {
        input: { projectId: w.projectId, summary: 'Bulk upload', madeToId: w.contactId, estimateHours: 150 },
      },
      w.manager,
    );
    await until(() => feed.received.length > 0);
    await settle();
    expect(feed.failures).toEqual([]);
    expect(feed.received).toEqual([
      {
        data: {
          projectActivity: {
            position: makeCommitment.position,
            stream: `budget-${w.projectId}`,
            type: 'CommitmentMade',
            occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
            actor: { name: 'Ada Manager' },
            summary: "Ada Manager made commitment 'Bulk upload' (150 h)",
          },
        },
      },
    ]);
  });

  it('stops at the first event after the subscriber lost access: a member removed meanwhile reads nothing more', async () => {
    const feed = subscribe(w, w.auditor, w.projectId);
    clients.push(feed.client);
    await settle();
    await w.portal.ok('ChangeBudget', { input: { projectId: w.projectId, budgetHours: 510, reason: 'seen by the auditor' } }, w.manager);
    await until(() => feed.received.length > 0);
    const removed = await w.portal.graphql(
      REMOVE_MEMBER,
      { input: { projectId: w.projectId, userId: 'aud', reason: 'audit finished' } },
      w.manager,
    );
    expect(removed.errors).toBeUndefined();
    await w.portal.ok('ChangeBudget', { input: { projectId: w.projectId, budgetHours: 520, reason: 'not for the auditor' } }, w.manager);
    await until(() => feed.received.length > 1 || feed.failures.length > 0);
    await settle();
    expect(feed.failures).toEqual([]);
    expect(feed.received.map((r) => r.data?.projectActivity.summary ?? r.errors?.[0].extensions.code)).toEqual([
      expect.stringContaining('to 510 h'),
      'FORBIDDEN',
    ]);
  });

  it("ends when the subscriber's token expires, with no event to wait for, as a request with it would be refused", async () => {
    const shortLived = await signToken(TEST_JWT_SECRET, { userId: 'dev', name: 'Dev Eloper' }, '2s');
    const feed = subscribe(w, shortLived, w.projectId);
    clients.push(feed.client);
    await until(() => feed.received.length > 0 || feed.failures.length > 0, 5_000);
    expect(feed.failures).toEqual([]);
    expect(feed.received.map((r) => r.data?.projectActivity.summary ?? r.errors?.[0].extensions.code)).toEqual(['UNAUTHENTICATED']);
    await w.portal.ok('ChangeBudget', { input: { projectId: w.projectId, budgetHours: 530, reason: 'after the token' } }, w.manager);
    await settle();
    expect(feed.received).toHaveLength(1);
  });

  it("names no customer who acts: their name is their contact's", async () => {
    const feed = subscribe(w, w.manager, w.projectId);
    clients.push(feed.client);
    await settle();
    const told = { projectId: w.projectId, subjectId: w.requirementId, toldStatus: 'ON_TRACK', toldToId: w.contactId, message: 'Fine' };
    await w.portal.ok('ReportStatus', { input: told }, w.manager);
    const [report] = (await w.portal.ok('StatusReports', { projectId: w.projectId }, w.customer)).statusReports;
    await w.portal.ok('AcknowledgeStatus', { input: { reportId: report.id, agrees: true } }, w.customer);
    await until(() => feed.received.some((answer) => answer.data?.projectActivity.type === 'StatusAcknowledged'));
    const acknowledged = feed.received.find((answer) => answer.data?.projectActivity.type === 'StatusAcknowledged')!;
    expect(acknowledged.data?.projectActivity).toMatchObject({
      actor: { name: 'A customer' },
      summary: 'A customer agreed with a status report',
    });
    expect(JSON.stringify(feed.received)).not.toContain('Carla');
  });

  it('is refused to a customer (FORBIDDEN) and to a socket without a token (closed 4403)', async () => {
    const customer = subscribe(w, w.customer, w.projectId);
    const anonymous = subscribe(w, undefined, w.projectId);
    clients.push(customer.client, anonymous.client);
    await until(() => customer.received.length > 0 && anonymous.failures.length > 0);
    expect(customer.received).toEqual([{ errors: [expect.objectContaining({ extensions: { code: 'FORBIDDEN', rule: 'roleAllowed' } })] }]);
    expect(anonymous.failures[0]).toMatchObject({ code: 4403 });
  });
});
