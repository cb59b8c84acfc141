import { EventSourcing } from '@cf/ledger';
import { type Portal, startPortal } from '../harness/portal-harness.js';
import { overWebSocket } from '../harness/graphql-ws-client.js';

const openFive = `mutation { ${Array.from({ length: 5 }, (_, i) => `o${i}: openProject(input: { name: "Alias ${i}", customerName: "C", budgetHours: 1 }) { position }`).join(' ')} }`;

describe('the rate limit counts every top-level field, aliased mutations included', () => {
  let portal: Portal;
  beforeAll(async () => (portal = await startPortal({ env: { RATE_LIMIT_PER_MINUTE: '3' } })));
  afterAll(() => portal.close());

  it.each(['HTTP', 'graphql-ws'])(
    'lets 3 of 5 aliased openProject through with RATE_LIMIT_PER_MINUTE=3 and refuses the rest (%s)',
    async (transport) => {
      const user = `rate-${transport}`;
      const token = await portal.tokenFor(user);
      const answer =
        transport === 'HTTP' ? await portal.graphql(openFive, {}, token) : await overWebSocket(portal.url, openFive, {}, token);
      // openProject is non-null: the first refused field nulls the whole answer and ends the serial run.
      expect(answer.data ?? null).toBeNull();
      const stored = await portal.app.get(EventSourcing).store.readAll({ after: 0n, limit: 1_000 });
      expect(stored.filter((event) => event.type === 'ProjectOpened' && event.metadata.actor.userId === user)).toHaveLength(3);
      expect(answer.errors?.map((e) => e.extensions.code)).toEqual(['RATE_LIMITED']);
      const next =
        transport === 'HTTP'
          ? await portal.graphql('{ projects { totalCount } }', {}, token)
          : await overWebSocket(portal.url, '{ projects { totalCount } }', {}, token);
      expect(next.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    },
  );
});
