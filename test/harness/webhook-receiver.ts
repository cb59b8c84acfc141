import { createHmac, timingSafeEqual } from 'node:crypto';
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';

/** One POST a receiver got, as it got it. */
export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  /** The path and query it was posted to. */
  path: string;
  rawBody: string;
  body: Record<string, any>;
  /** The status code the receiver answered with. */
  answered: number;
}

/** A real HTTP receiver on 127.0.0.1 for webhook deliveries; `answers` are used in turn, then 200. */
export interface WebhookReceiver {
  url: string;
  received: ReceivedDelivery[];
  /** Status codes for the next requests, in order (e.g. [500] fails the first one). */
  answerNext(...statusCodes: number[]): void;
  /** Polls until `count` deliveries match, or fails after timeoutMs with what arrived. */
  waitFor(count: number, match?: (d: ReceivedDelivery) => boolean, timeoutMs?: number): Promise<ReceivedDelivery[]>;
  close(): Promise<void>;
}

/** The check every receiver makes: the signature over the raw body, keyed with the secret as shown. */
export const signatureVerifies = (secret: string, rawBody: string, header: string | string[] | undefined): boolean => {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`);
  const given = Buffer.from(String(header ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
};

export const startWebhookReceiver = async (port = 0): Promise<WebhookReceiver> => {
  const received: ReceivedDelivery[] = [];
  const answers: number[] = [];
  const server: Server = createServer((request, response) => {
    let rawBody = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (rawBody += chunk));
    request.on('end', () => {
      const answered = answers.shift() ?? 200;
      received.push({ headers: request.headers, path: request.url ?? '', rawBody, body: JSON.parse(rawBody || '{}'), answered });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${bound}/hooks`,
    received,
    answerNext: (...statusCodes) => answers.push(...statusCodes),
    waitFor: async (count, match = () => true, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.filter(match).length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      const matching = received.filter(match);
      if (matching.length < count)
        throw new Error(`expected ${count} deliveries, got ${matching.length}: ${JSON.stringify(received.map((d) => d.body))}`);
      return matching;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
