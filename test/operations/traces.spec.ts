import { type IncomingMessage, type Server, createServer } from 'node:http';
import { signToken } from '@cf/ledger';
import { type ApiProcess, sendOperation, startApiProcess } from '../harness/api-process.js';
import { type StoreUnderTest, freshStore } from '../harness/store-under-test.js';

const SECRET = 'trace-secret-trace-secret-trace-0042';

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}

/** A stand-in OpenTelemetry collector: it keeps the spans the API exports over OTLP/HTTP as JSON. */
const collector = async (): Promise<{ server: Server; url: string; spans: ExportedSpan[]; paths: string[] }> => {
  const spans: ExportedSpan[] = [];
  const paths: string[] = [];
  const body = async (request: IncomingMessage): Promise<string> => {
    let text = '';
    for await (const chunk of request) text += chunk;
    return text;
  };
  const server = createServer(async (request, response) => {
    paths.push(request.url ?? '');
    const sent = JSON.parse(await body(request)) as { resourceSpans?: { scopeSpans: { spans: ExportedSpan[] }[] }[] };
    for (const resource of sent.resourceSpans ?? []) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, spans, paths };
};

describe('traces', () => {
  let store: StoreUnderTest;
  let api: ApiProcess;
  let otlp: Awaited<ReturnType<typeof collector>>;
  beforeAll(async () => {
    otlp = await collector();
    store = freshStore('traces', SECRET);
    api = await startApiProcess({
      ...store.env,
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
  });
  afterAll(async () => {
    await api?.kill();
    await store?.remove();
    otlp?.server.close();
  });

  it('exports a span per GraphQL operation with child spans for the command, the append and the wait for projections', async () => {
    const token = await signToken(SECRET, { userId: 'tia', name: 'Tia' });
    const answer = await sendOperation(api, 'OpenProject', { input: { name: 'Traced', customerName: 'C', budgetHours: 5 } }, token);
    expect(answer.errors).toBeUndefined();
    const deadline = Date.now() + 10_000;
    while (!otlp.spans.some((s) => s.name === 'mutation OpenProject') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));

    const operation = otlp.spans.find((s) => s.name === 'mutation OpenProject');
    expect(operation).toBeDefined();
    const command = otlp.spans.find((s) => s.name === 'command OpenProject');
    expect(command).toMatchObject({ traceId: operation!.traceId, parentSpanId: operation!.spanId });
    const children = otlp.spans.filter((s) => s.parentSpanId === command!.spanId).map((s) => s.name);
    expect(children).toEqual(expect.arrayContaining(['append', 'wait for projections']));
    expect(otlp.paths.every((path) => path === '/v1/traces')).toBe(true);
  });
});

describe('without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('exports nothing', async () => {
    const otlp = await collector();
    const store = freshStore('untraced', SECRET);
    const api = await startApiProcess({
      ...store.env,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${otlp.url}/v1/traces`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    try {
      const token = await signToken(SECRET, { userId: 'tia', name: 'Tia' });
      await sendOperation(api, 'OpenProject', { input: { name: 'Untraced', customerName: 'C', budgetHours: 5 } }, token);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(otlp.paths).toEqual([]);
    } finally {
      await api.kill();
      await store.remove();
      otlp.server.close();
    }
  });
});
