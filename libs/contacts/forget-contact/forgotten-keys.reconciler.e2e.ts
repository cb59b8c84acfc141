import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streamName } from '@cf/core';
import { EventSourcing } from '@cf/ledger';
import { KEY_STORE, type KeyStore } from '@cf/personal-data';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

describe('a forget interrupted between its event and the key destruction', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-reconcile-'));
  let portal: Portal;
  afterAll(async () => {
    await portal.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is finished at the next start; a marked key without ContactForgotten is kept', async () => {
    const env: Record<string, string> = process.env.EVENT_STORE === 'postgres' ? { DATABASE_SCHEMA: `cf_reconcile_${process.pid}` } : {};
    portal = await startPortal({ dataDir, env });
    const ada = await portal.tokenFor('ada', 'Ada Manager');
    const projectId = (await portal.ok('OpenProject', { input: { name: 'Portal', customerName: 'ACME', budgetHours: 100 } }, ada))
      .openProject.project.id;
    const register = async (name: string): Promise<string> =>
      (await portal.ok('RegisterContact', { input: { projectId, name, role: 'OTHER', canApproveScope: false } }, ada)).registerContact
        .contact.id;
    const [crashed, refused] = [await register('Crashed Forget'), await register('Refused Forget')];
    const keys = portal.app.get<KeyStore>(KEY_STORE);
    // What a crash right after the append leaves: the event and a marked key.
    await keys.markForgetting(crashed);
    const at = new Date().toISOString();
    await portal.app.get(EventSourcing).store.append(
      streamName('contact', crashed),
      [
        {
          type: 'ContactForgotten',
          data: { contactId: crashed, projectId, reason: 'GDPR', at },
          metadata: { actor: { userId: 'ada', name: 'Ada Manager' }, occurredAt: at, correlationId: 'c-1' },
        },
      ],
      { expectedLastIndex: 0 },
    );
    await keys.markForgetting(refused);
    await portal.app.close();

    portal = await startPortal({ dataDir, env });
    const found = await portal.app.get<KeyStore>(KEY_STORE).find([crashed, refused]);
    expect([...found.keys()]).toEqual([refused]);
    const { data } = await portal.graphql('query($p: ID!) { contacts(projectId: $p) { name forgotten } }', { p: projectId }, ada);
    expect(data!.contacts).toEqual([
      { name: '[forgotten]', forgotten: true },
      { name: 'Refused Forget', forgotten: false },
    ]);
  });
});
