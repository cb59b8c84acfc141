import { EventSourcing, type LedgerConfig, resolveJwtSecret, signToken } from '@cf/ledger';
import { WebhookDispatcher } from '@cf/webhooks';
import { createApp } from '../../api/bootstrap.js';
import { reachStore } from '../../api/startup-checks.js';
import { DEMO_PROJECT_ID, TEAM } from '../seed/demo-people.js';
import { tellDemoStory } from '../seed/demo-story.js';
import { SeedClient } from '../seed/seed-client.js';

/**
 * `seed`: loads the demo project through the public GraphQL API of an instance started on
 * 127.0.0.1 for the purpose, then prints tokens and queries to try. Seeding twice is refused.
 */
export const seedCommand = async (config: LedgerConfig): Promise<void> => {
  await reachStore(config); // a wrong setting named as the API's start names it
  const app = await createApp(config, { logger: false });
  app.enableShutdownHooks(); // Ctrl-C closes the store cleanly
  // Seeding tells no webhook anything: the service does, once it runs.
  app.get(WebhookDispatcher).stayIdle();
  await app.listen(0, '127.0.0.1');
  try {
    // Rejects once catching up keeps failing: the seed ends with the reason, its app closed.
    await app.get(EventSourcing).runner.whenCaughtUp();
    const secret = resolveJwtSecret(config).secret;
    const tokens = Object.fromEntries(
      await Promise.all(Object.values(TEAM).map(async (p) => [p.userId, await signToken(secret, p)] as const)),
    );
    const client = new SeedClient(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`, tokens);
    const existing = await client.as('maria', '{ projects(first: 500) { edges { node { id } } } }');
    if (JSON.stringify(existing).includes(DEMO_PROJECT_ID)) {
      console.log(`The demo project ${DEMO_PROJECT_ID} is already there.`);
    } else {
      await tellDemoStory(client);
      console.log(`Seeded the demo project "Claims portal" (${DEMO_PROJECT_ID}).`);
    }
    console.log(`\nToken for Maria Manager (MANAGER):\nAuthorization: Bearer ${tokens.maria}\n`);
    console.log(
      `Try:\n  { project(id: "${DEMO_PROJECT_ID}") { name budget { budgetHours baselineHours remainingReserveHours exposureHours } } }`,
    );
    console.log(
      `  { commitments(projectId: "${DEMO_PROJECT_ID}", filter: { outsideBudget: true }) { edges { node { summary estimateHours exceedsBudgetByHours madeWithoutAuthority requestedWithoutAuthority reasons } } } }`,
    );
    console.log(`  { requests(projectId: "${DEMO_PROJECT_ID}") { totalCount edges { node { title kind channel status } } } }`);
  } finally {
    await app.close();
  }
};
