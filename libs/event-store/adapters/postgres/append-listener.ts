import pg from 'pg';

/** The longest pause between two tries to listen again: PostgreSQL may be down for a while. */
const MOST_PAUSE_MS = 5_000;

/**
 * The one connection that LISTENs for the appends of every instance on the database. PostgreSQL
 * may drop it (a restart, a terminated backend, a network cut): it connects anew, with a pause
 * that doubles up to a few seconds, and once it listens again `resumed` is called, since a notice
 * sent meanwhile was lost. Until then readers have only their polling of the head.
 */
export class AppendListener {
  private client: pg.Client | undefined;
  /** The client still connecting, if any: close() ends it too. */
  private connecting: pg.Client | undefined;
  private closed = false;
  private pending: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: { connectionString: string; applicationName: string },
    private readonly channel: string,
    private readonly heard: (payload: string | undefined) => void,
    private readonly resumed: () => void,
  ) {}

  /** The first LISTEN: a failure here is the store's failure to open. */
  start(): Promise<void> {
    return this.listen();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.pending);
    for (const client of [this.client, this.connecting]) await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connection.connectionString,
      application_name: this.connection.applicationName,
      // A connect nobody answers fails instead of waiting for ever; a dead peer (a NAT that
      // forgot the connection) is found by TCP keepalive, since an idle LISTEN sends nothing.
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
    });
    client.on('notification', (message) => this.heard(message.payload));
    client.on('error', () => undefined); // the 'end' that follows is what counts
    client.on('end', () => this.dropped(client));
    this.connecting = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    } finally {
      this.connecting = undefined;
    }
    if (this.closed) return void (await client.end().catch(() => undefined));
    this.client = client;
  }

  private dropped(client: pg.Client): void {
    if (this.closed || client !== this.client) return;
    this.client = undefined;
    this.again(250);
  }

  private again(pauseMs: number): void {
    if (this.closed) return;
    this.pending = setTimeout(() => {
      if (this.closed) return;
      this.listen().then(
        () => (this.closed ? undefined : this.resumed()),
        () => this.again(Math.min(pauseMs * 2, MOST_PAUSE_MS)),
      );
    }, pauseMs);
    this.pending.unref();
  }
}
