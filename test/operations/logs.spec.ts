import { signToken } from '@cf/ledger';
import { type ApiProcess, sendOperation, startApiProcess } from '../harness/api-process.js';
import { portalOperation } from '../harness/portal-operations.js';
import { type StoreUnderTest, freshStore } from '../harness/store-under-test.js';

const SECRET = 'log-secret-log-secret-log-secret-0042';
const ERIK = { name: 'Erik Lindqvist', email: 'erik.lindqvist@northwind.example' };

interface LogLine {
  level: number;
  msg: string;
  operation?: string;
  operationType?: string;
  caller?: string | null;
  durationMs?: number;
  outcome?: string;
  correlationId?: string;
  transport?: string;
  reason?: string;
  req?: { method: string; path?: string };
  res?: { statusCode: number };
}

/** The built API as operators run it: JSON lines on stdout, at the most talkative level. */
describe('logs', () => {
  let store: StoreUnderTest;
  let api: ApiProcess;
  let token: string;
  beforeAll(async () => {
    store = freshStore('logs', SECRET);
    api = await startApiProcess({ ...store.env, LOG_LEVEL: 'trace' }, { keepOutput: true });
    token = await signToken(SECRET, { userId: 'jonas', name: 'Jonas' });
  });
  afterAll(async () => {
    await api?.kill();
    await store?.remove();
  });

  const lines = (): LogLine[] => api.logLines<LogLine>();

  /** The first line that matches; stdout reaches this process a moment after the response does. */
  const lineWhere = async (matches: (line: LogLine) => boolean): Promise<LogLine | undefined> => {
    const deadline = Date.now() + 3_000;
    while (!lines().some(matches) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return lines().find(matches);
  };

  /** Sends a portal operation and returns its data and the correlation id the response carried. */
  const send = async (operation: string, variables: object, headers: Record<string, string> = {}) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ query: portalOperation(operation), variables }),
    });
    const answer = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (answer.errors) throw new Error(`${operation} failed: ${JSON.stringify(answer.errors)}`);
    return { data: answer.data!, correlationId: response.headers.get('x-correlation-id') };
  };

  it('writes one JSON line per operation with the correlation id of the events it appended', async () => {
    const opened = await send(
      'OpenProject',
      { input: { name: 'Logged', customerName: 'Northwind', budgetHours: 40 } },
      { 'x-correlation-id': 'portal-7f3a' },
    );
    expect(opened.correlationId).toBe('portal-7f3a');
    const registered = await send('RegisterContact', {
      input: { projectId: opened.data.openProject.project.id, ...ERIK, role: 'END_USER', canApproveScope: false },
    });
    expect(registered.correlationId).toMatch(/^[0-9a-f-]{36}$/);

    const audit = await sendOperation(
      api,
      'AuditLog',
      { filter: { stream: `contact-${registered.data.registerContact.contact.id}` }, first: 5 },
      token,
    );
    const event = audit.data!.auditLog.edges[0].node;
    expect(event.type).toBe('ContactRegistered');
    expect(event.correlationId).toBe(registered.correlationId);

    const logged = await lineWhere((line) => line.msg === 'graphql operation' && line.operation === 'RegisterContact');
    expect(logged).toMatchObject({
      operationType: 'mutation',
      caller: 'jonas',
      outcome: 'OK',
      correlationId: event.correlationId,
      transport: 'http',
    });
    expect(logged!.durationMs).toBeGreaterThan(0);
    const openLine = await lineWhere((line) => line.operation === 'OpenProject');
    expect(openLine).toMatchObject({ outcome: 'OK', correlationId: 'portal-7f3a' });
  });

  it("names a refused operation's outcome by its error code", async () => {
    const answer = await sendOperation(api, 'Project', { id: '01900000-0000-7000-8000-000000000000' }, token, {
      'x-correlation-id': 'lost-1',
    });
    expect(answer.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await lineWhere((line) => line.correlationId === 'lost-1')).toMatchObject({
      operation: 'Project',
      operationType: 'query',
      outcome: 'NOT_FOUND',
    });
  });

  it('names the rule of a limit that refused an operation as its reason', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: projects { totalCount }`).join(' ');
    await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-correlation-id': 'aliased-1' },
      body: JSON.stringify({ query: `query Aliased { ${aliases} }` }),
    });
    expect(await lineWhere((line) => line.correlationId === 'aliased-1')).toMatchObject({
      operation: 'Aliased',
      outcome: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'maxAliases',
      caller: 'jonas', // refused before any resolver: named from its token all the same
    });
    // A document that does not validate, refused before the limits' look at the caller: named from its token too.
    await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-correlation-id': 'unknown-field-1' },
      body: JSON.stringify({ query: '{ nosuchfield }' }),
    });
    expect(await lineWhere((line) => line.correlationId === 'unknown-field-1')).toMatchObject({
      outcome: 'GRAPHQL_VALIDATION_FAILED',
      caller: 'jonas',
    });
    // A token that does not verify names no one.
    await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}x`, 'x-correlation-id': 'forged-1' },
      body: JSON.stringify({ query: '{ nosuchfield }' }),
    });
    expect(await lineWhere((line) => line.correlationId === 'forged-1')).toMatchObject({
      outcome: 'GRAPHQL_VALIDATION_FAILED',
      caller: null,
    });
  });

  it("never writes a contact's e-mail or name, the secret or a bearer token", async () => {
    const opened = await send('OpenProject', { input: { name: 'Private', customerName: 'Northwind', budgetHours: 1 } });
    const projectId = opened.data.openProject.project.id;
    const sven = { name: 'Sven Aalto', email: 'sven.aalto@northwind.example' };
    const registered = await send('RegisterContact', { input: { projectId, ...sven, role: 'DECISION_MAKER', canApproveScope: true } });
    const refused = await sendOperation(
      api,
      'RegisterContact',
      { input: { projectId, name: sven.name, email: `${'x'.repeat(300)}${sven.email}`, role: 'OTHER', canApproveScope: false } },
      token,
    );
    expect(refused.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    await send('ForgetContact', { input: { contactId: registered.data.registerContact.contact.id, reason: 'asked to be forgotten' } });
    await lineWhere((line) => line.operation === 'ForgetContact');
    const everything = `${api.output()}\n${api.errorOutput()}`;
    expect(lines().length).toBeGreaterThan(10);
    expect(await lineWhere((line) => line.operation === 'RegisterContact' && line.outcome === 'BAD_USER_INPUT')).toBeDefined();
    for (const secret of [sven.email, sven.name, ERIK.email, ERIK.name, SECRET, token]) expect(everything).not.toContain(secret);
  });

  it('logs any other request by method and path, never its query string, where a token may ride', async () => {
    const asked = { '/portal': 200, '/web/portal/portal.js': 200, '/nonexist': 404 };
    for (const path of Object.keys(asked)) await fetch(`${api.url}${path}?token=${token}&secret=${SECRET}`);
    for (const [path, statusCode] of Object.entries(asked))
      expect(await lineWhere((line) => line.req?.path === path)).toMatchObject({ req: { method: 'GET', path }, res: { statusCode } });
    const everything = `${api.output()}\n${api.errorOutput()}`;
    for (const secret of [token, SECRET, 'token=']) expect(everything).not.toContain(secret);
  });

  it('logs a request to /graphql refused before it became an operation, and an operation once', async () => {
    const notJson = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'broken-1' },
      body: '{bad',
    });
    expect(notJson.status).toBe(400);
    expect(await lineWhere((line) => line.correlationId === 'broken-1')).toMatchObject({
      req: { method: 'POST', path: '/graphql' },
      res: { statusCode: 400 },
    });
    await sendOperation(api, 'Projects', { first: 1 }, token, { 'x-correlation-id': 'once-1' });
    await fetch(`${api.url}/after-once`); // its line comes after any the operation's request wrote
    await lineWhere((line) => line.req?.path === '/after-once');
    expect(lines().filter((line) => line.correlationId === 'once-1')).toEqual([
      expect.objectContaining({ msg: 'graphql operation', operation: 'Projects' }),
    ]);
  });
});
