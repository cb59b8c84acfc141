import { type NewEvent, ProjectionRunner, type ReadModelDb, SqliteEventStore, openSqliteReadModels } from '@cf/event-store';
import { webhookOutboxProjection } from './outbox.projection.js';

/** The outbox projection over an in-memory log and read models, as its specs drive it. */
export interface OutboxUnderTest {
  db: ReadModelDb;
  store: SqliteEventStore;
  runner: ProjectionRunner;
  /** Appends the events to the stream and lets the projection apply them. */
  append(stream: string, ...events: NewEvent[]): Promise<void>;
  /** Empties the projection's tables and replays the log, as `cli rebuild` does. */
  rebuild(): Promise<void>;
  close(): Promise<void>;
}

export const outboxUnderTest = async (): Promise<OutboxUnderTest> => {
  const store = new SqliteEventStore({ file: ':memory:' });
  const db = openSqliteReadModels(':memory:');
  const runner = new ProjectionRunner(store, db, [webhookOutboxProjection]);
  await runner.migrate();
  return {
    db,
    store,
    runner,
    append: async (stream, ...events) => {
      await store.append(stream, events, { expectedLastIndex: 'any' });
      await runner.catchUp();
    },
    rebuild: async () => {
      await runner.reset(webhookOutboxProjection.name);
      await runner.catchUp();
    },
    close: async () => {
      await db.destroy();
      await store.close();
    },
  };
};

/** The perception gaps the outbox announced, in order, as `subject: told …, really …`. */
export const gapsTold = async (outbox: OutboxUnderTest): Promise<string[]> =>
  (await outbox.db.selectFrom('webhook_outbox').select(['body']).orderBy('position').execute()).map((row) => {
    const { subject } = JSON.parse(row.body) as { subject: { id: string; toldStatus: string; actualStatus: string } };
    return `${subject.id}: told ${subject.toldStatus}, really ${subject.actualStatus}`;
  });

/** The project, MANAGER and moment of the outbox specs' events. */
export const P = 'p-1';
export const ann = { userId: 'u-ann', name: 'Ann' };
export const at = '2026-03-01T09:00:00.000Z';

/** An event Ann caused at `at`. */
export const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  type,
  data,
  metadata: { actor: ann, occurredAt: at, correlationId: 'c' },
});

/** Ann registers a webhook of project P for `events`. */
export const registered = (webhookId: string, events: string[]): NewEvent =>
  event('WebhookRegistered', { webhookId, projectId: P, url: 'https://hooks.example.com/', events, secret: 's', registeredBy: ann, at });

/** The data of a CommitmentMade in project p-1, pending approval and judged within the budget unless `fields` say otherwise. */
export const commitmentMadeData = (fields: Record<string, unknown>): Record<string, unknown> => ({
  projectId: 'p-1',
  summary: 'Export',
  madeBy: { userId: 'u-ann', name: 'Ann' },
  makerRole: 'DEVELOPER',
  madeToId: 'c-1',
  madeToCouldApproveScope: false,
  requestIds: [],
  requirementIds: [],
  estimateHours: 8,
  status: 'PENDING_APPROVAL',
  atDecision: {
    outsideRequirements: true,
    outsideBudget: false,
    exceedsBudgetByHours: 0,
    madeWithoutAuthority: true,
    requestedWithoutAuthority: false,
    reasons: [],
  },
  ...fields,
});
