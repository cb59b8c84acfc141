import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { GENESIS_HASH, type RecordedEvent, chainHash } from '@cf/event-store';
import { openEventStore } from '@cf/ledger';
import { exportCommand } from '../../apps/cli/commands/export.command.js';
import { type Portal, startPortal } from '../../test/harness/portal-harness.js';
import { KEY_STORE } from './personal-data.service.js';
import type { KeyStore } from './key-store.js';

const NAME = 'Zebedee Quillfeather-Marchbanks';
const EMAIL = 'zebedee.quillfeather@marchbanks.example';

const everyFile = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? everyFile(join(dir, entry.name)) : [join(dir, entry.name)],
  );

/** Every row of every table of the portal's PostgreSQL schemas, as text. */
const postgresText = async (portal: Portal): Promise<string> => {
  const client = new pg.Client({ connectionString: portal.config.databaseUrl });
  await client.connect();
  const schemas = [portal.config.databaseSchema, `${portal.config.databaseSchema}_read`];
  const tables = await client.query<{ s: string; t: string }>(
    'SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_schema = ANY($1)',
    [schemas],
  );
  let text = '';
  for (const { s, t } of tables.rows)
    text += (await client.query(`SELECT x::text AS row FROM "${s}"."${t}" x`)).rows.map((r) => r.row).join('\n');
  await client.end();
  return text;
};

describe('crypto-shredding: forgetting a contact', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-shred-'));
  let portal: Portal;
  let ada: string;
  let ids: { project: string; contact: string; request: string; commitment: string };
  let key: Buffer;
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  beforeAll(async () => {
    portal = await startPortal({ dataDir });
    ada = await portal.tokenFor('ada', 'Ada Manager');
    const project = (await portal.ok('OpenProject', { input: { name: 'Portal', customerName: 'ACME', budgetHours: 100 } }, ada)).openProject
      .project.id;
    const input = {
      projectId: project,
      name: NAME,
      email: EMAIL,
      organisation: 'ACME',
      department: 'Claims',
      role: 'END_USER',
      canApproveScope: false,
    };
    const contact = (await portal.ok('RegisterContact', { input }, ada)).registerContact.contact.id;
    key = (await portal.app.get<KeyStore>(KEY_STORE).find([contact])).get(contact)!;
    // They are a CUSTOMER member too, under their own name: personal data of the same person.
    await portal.ok('AddMember', { input: { projectId: project, userId: 'zeb', name: NAME, role: 'CUSTOMER', contactId: contact } }, ada);
    const request = (
      await portal.ok(
        'RaiseRequest',
        {
          input: {
            projectId: project,
            title: 'Bulk upload',
            description: 'Letters in batches',
            kind: 'FEATURE',
            channel: 'WRITTEN',
            requestedById: contact,
          },
        },
        ada,
      )
    ).raiseRequest.request.id;
    const commitment = (
      await portal.ok(
        'MakeCommitment',
        { input: { projectId: project, summary: 'Bulk upload by March', madeToId: contact, requestIds: [request], estimateHours: 150 } },
        ada,
      )
    ).makeCommitment.commitment;
    expect(commitment.reasons.join(' ')).toContain(NAME);
    ids = { project, contact, request, commitment: commitment.id };
  });

  it('reads the person back in plaintext while the key exists', async () => {
    const { data } = await portal.graphql('query($id: ID!) { contact(id: $id) { name email department } }', { id: ids.contact }, ada);
    expect(data!.contact).toEqual({ name: NAME, email: EMAIL, department: 'Claims' });
    expect(key).toHaveLength(32);
  });

  it('shows [forgotten] everywhere in the API once the key is destroyed', async () => {
    await portal.ok('ForgetContact', { input: { contactId: ids.contact, reason: 'GDPR erasure request' } }, ada);
    const { contact } = (await portal.graphql('query($id: ID!) { contact(id: $id) { name email forgotten } }', { id: ids.contact }, ada))
      .data!;
    expect(contact).toEqual({ name: '[forgotten]', email: '[forgotten]', forgotten: true });
    const { request } = await portal.ok('Request', { id: ids.request }, ada);
    expect(request.requestedBy.name).toBe('[forgotten]');
    const { commitments } = await portal.ok('Commitments', { projectId: ids.project }, ada);
    const node = commitments.edges[0].node;
    expect(node.madeTo.name).toBe('[forgotten]');
    expect(node.reasons.some((reason: string) => reason.includes('[forgotten]'))).toBe(true);
    const audit = await portal.ok('AuditLog', { filter: { projectId: ids.project }, first: 100 }, ada);
    const registered = audit.auditLog.edges.find((edge: { node: { type: string } }) => edge.node.type === 'ContactRegistered').node;
    expect(JSON.stringify(registered.data)).toContain('[forgotten]');
    const member = audit.auditLog.edges.find((edge: { node: { type: string } }) => edge.node.type === 'MemberAdded').node;
    expect(member.data).toMatchObject({ name: '[forgotten]', role: 'CUSTOMER' });
    // A forgotten person keeps no login: their membership ended with them.
    const { project } = await portal.ok('Project', { id: ids.project }, ada);
    expect(project.members.map((m: { userId: string }) => m.userId)).toEqual(['ada']);
    const asThem = await portal.send('Project', { id: ids.project }, await portal.tokenFor('zeb', 'Zeb'));
    expect(asThem.data?.project ?? null).toBeNull();
    const everything = JSON.stringify([contact, request, commitments, audit, project]);
    expect(everything).not.toContain(NAME);
    expect(everything).not.toContain(EMAIL);
    expect(everything).not.toContain('enc:v1:');
    expect(await portal.app.get<KeyStore>(KEY_STORE).find([ids.contact])).toEqual(new Map());
  });

  it('leaves the plaintext and the key nowhere on disk, in the export neither, and every chain still verifies', async () => {
    const store = openEventStore(portal.config);
    const events: RecordedEvent[] = await store.readAll({ after: 0n, limit: 10_000, raw: true });
    await store.close();
    const out = join(tmpdir(), `cf-shred-export-${process.pid}.ndjson`);
    await exportCommand(portal.config, { out });
    await exportCommand(portal.config, { out: `${out}.unsealed`, unseal: true });
    const postgres = portal.config.eventStore === 'postgres' ? await postgresText(portal) : '';
    const secrets: Buffer[] = [...[NAME, EMAIL, key.toString('base64')].map((text) => Buffer.from(text, 'utf8')), key];
    const grep = (files: string[]) => {
      for (const file of files) {
        const bytes = readFileSync(file);
        for (const secret of secrets) expect({ file, found: bytes.includes(secret) }).toEqual({ file, found: false });
      }
    };
    // While the app runs the -wal and -shm files exist; closing checkpoints them into the files.
    const running = everyFile(dataDir);
    expect(running.some((file) => file.endsWith('events.sqlite-wal')) || portal.config.eventStore === 'postgres').toBe(true);
    grep(running);
    await portal.close();
    grep([...everyFile(dataDir), out, `${out}.unsealed`]);
    for (const secret of secrets.slice(0, 3)) expect(postgres.includes(secret.toString('utf8'))).toBe(false);
    expect(readFileSync(`${out}.unsealed`, 'utf8')).toContain('[forgotten]');
    rmSync(out);
    rmSync(`${out}.unsealed`);

    const heads = new Map<string, string>();
    for (const event of events) {
      expect(event.prevHash).toBe(heads.get(event.stream) ?? GENESIS_HASH);
      expect(chainHash(event, event.prevHash)).toBe(event.hash);
      heads.set(event.stream, event.hash);
    }
    expect(events.some((event) => event.type === 'ContactForgotten')).toBe(true);
  });
});
