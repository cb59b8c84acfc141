import { EventSourcing } from '@cf/ledger';
import { overWebSocket } from '../../../test/harness/graphql-ws-client.js';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';
import { portalOperation } from '../../../test/harness/portal-operations.js';

/**
 * The store's connection lost after a command was appended (on PostgreSQL, backends terminated
 * while the answer is read): the answer says where it was accepted.
 */
describe('a mutation whose answer fails after its command was appended', () => {
  let portal: Portal;
  let token: string;
  beforeAll(async () => {
    portal = await startPortal();
    token = await portal.tokenFor('maria', 'Maria Manager');
  });
  afterAll(() => portal.close());

  it('answers NOT_YET_READABLE with the position, and the commitment is there once', async () => {
    const { project } = (await portal.ok('OpenProject', { input: { name: 'Lost answer', customerName: 'C', budgetHours: 10 } }, token))
      .openProject;
    const { contact } = (
      await portal.ok(
        'RegisterContact',
        { input: { projectId: project.id, name: 'Dora', role: 'DECISION_MAKER', canApproveScope: true } },
        token,
      )
    ).registerContact;
    const eventSourcing = portal.app.get(EventSourcing);
    const eventAt = eventSourcing.eventAt.bind(eventSourcing);
    // The read of the answer fails once, as a query on a terminated connection does.
    const failOnce = () =>
      (eventSourcing.eventAt = () => {
        eventSourcing.eventAt = eventAt;
        return Promise.reject(new Error('Connection terminated unexpectedly'));
      });
    const make = (summary: string, transport: 'HTTP' | 'graphql-ws') => {
      const variables = { input: { projectId: project.id, summary, madeToId: contact.id, estimateHours: 2 } };
      return transport === 'HTTP'
        ? portal.send('MakeCommitment', variables, token)
        : overWebSocket(portal.url, portalOperation('MakeCommitment'), variables, token);
    };
    for (const [summary, transport] of [
      ['Export to CSV', 'HTTP'],
      ['Export to PDF', 'graphql-ws'],
    ] as const) {
      failOnce();
      const answer = await make(summary, transport);
      const position = answer.errors?.[0]?.extensions?.position;
      expect(answer.errors?.[0]).toMatchObject({
        message: `Accepted at position ${position}, but its answer is not readable yet; read it again with x-min-position: ${position}`,
        extensions: { code: 'NOT_YET_READABLE', position: expect.stringMatching(/^\d+$/) },
      });
    }
    const made = await portal.ok('Commitments', { projectId: project.id }, token);
    expect(made.commitments.edges.map((edge: { node: { summary: string } }) => edge.node.summary).sort()).toEqual([
      'Export to CSV',
      'Export to PDF',
    ]);
    // A refusal after nothing was appended stays what it is.
    const refused = await portal.send(
      'MakeCommitment',
      { input: { projectId: project.id, summary: 'Again', madeToId: 'no-such-contact', estimateHours: 2 } },
      token,
    );
    expect(refused.errors?.[0]?.extensions?.code).not.toBe('NOT_YET_READABLE');
  });
});
