import type { CommandBus } from '@nestjs/cqrs';
import type { Caller, EventSourcing } from '@cf/ledger';
import type { CommandOptions, NewEvent, Untimed } from '@cf/event-store';
import type { PersonalData } from '@cf/personal-data';
import { TargetHosts } from '../access/target-addresses.js';
import type { WebhookAccess } from '../access/webhook-access.js';
import type { WebhookDecisions } from '../access/webhook-decisions.js';
import type { DeliverySettings } from '../delivery/delivery-settings.js';
import { type WebhookCommand, webhooksDecider } from '../domain/webhooks.decide.js';
import { type OutboxUnderTest, outboxUnderTest } from '../outbox/outbox.spec-fixtures.js';
import { webhooksReadModel } from '../outbox/webhooks.read-model.js';
import { RegisterWebhookHandler } from '../register-webhook/register-webhook.handler.js';
import { RegisterWebhookResolver } from '../register-webhook/register-webhook.resolver.js';
import { RotateWebhookSecretHandler } from '../rotate-webhook-secret/rotate-webhook-secret.handler.js';
import { RotateWebhookSecretResolver } from '../rotate-webhook-secret/rotate-webhook-secret.resolver.js';

const P = '7d1c6c1e-0d7e-4a4b-9d55-2f1f7f0a0001';
const ann = { userId: 'u-ann', name: 'Ann' };
const caller = { actor: ann } as Caller;
const at = '2026-03-02T10:00:00.000Z';
/** Seals the secret as the log would hold it. */
const personalData = {
  sealerFor: async () => (events: NewEvent[]) => events.map((e) => ({ ...e, data: { ...e.data, secret: 'enc:v1:w:sealed' } })),
  discard: async () => undefined,
  isLost: async () => false,
} as unknown as PersonalData;
const busFor = (handler: { execute(command: never): Promise<unknown> }) =>
  ({ execute: (command: never) => handler.execute(command) }) as unknown as CommandBus;

/** The answers that show a secret, while the read models have not applied the command yet. */
describe('the answers to registration and rotation, from a read model that lags', () => {
  let outbox: OutboxUnderTest;
  const decided: { type: string; data: any }[] = [];
  /** Decides and keeps the events as the log would, but projects nothing. */
  const eventSourcing = () =>
    ({
      readModels: outbox.db,
      // One command at a time here: its turn on the stream is taken and let go at once.
      enterLane: async (stream: string) => ({ stream, release: () => undefined }),
      // Stamps the command's time as handleCommand does.
      execute: async (
        _decider: unknown,
        stream: string,
        command: Untimed<WebhookCommand>,
        _context: unknown,
        options: CommandOptions = {},
      ) => {
        const timed = { ...command, at } as WebhookCommand;
        const events = webhooksDecider.decide(timed, webhooksDecider.initialState()) as unknown as NewEvent[];
        decided.push(...(options.sealEvents ?? ((e: NewEvent[]) => e))(events));
        return { stream, revision: 0, position: BigInt(decided.length), replayed: false };
      },
      eventAt: async (position: bigint) => ({ ...decided[Number(position) - 1], position }),
    }) as unknown as EventSourcing;

  beforeEach(async () => {
    outbox = await outboxUnderTest();
  });
  afterEach(() => outbox.close());

  it('answers registration with the webhook and secret just decided', async () => {
    const access = { requireProject: async () => undefined } as unknown as WebhookAccess;
    const handler = new RegisterWebhookHandler(
      eventSourcing(),
      access,
      { allowPrivate: true } as DeliverySettings,
      new TargetHosts(),
      personalData,
    );
    const answer = await new RegisterWebhookResolver(busFor(handler)).registerWebhook(
      { projectId: P, url: 'http://127.0.0.1:9/hooks', events: ['COMMITMENT_REJECTED', 'COMMITMENT_AWAITING_APPROVAL'] },
      caller,
    );
    expect(answer.webhook).toEqual({
      id: decided[0].data.webhookId,
      projectId: P,
      url: 'http://127.0.0.1:9/hooks',
      events: ['COMMITMENT_AWAITING_APPROVAL', 'COMMITMENT_REJECTED'],
      description: null,
      active: true,
      registeredAt: at,
      secret: expect.stringMatching(/^whsec_/),
    });
    expect(decided[0].data.secret).toBe('enc:v1:w:sealed');
  });

  it('answers rotation with the new secret, not the one the read model still holds', async () => {
    const registered: NewEvent = {
      type: 'WebhookRegistered',
      data: {
        webhookId: 'w1',
        projectId: P,
        url: 'https://hooks.example.com/',
        events: ['COMMITMENT_REJECTED'],
        secret: 'whsec_old',
        registeredBy: ann,
        at,
      },
      metadata: { actor: ann, occurredAt: at, correlationId: 'c' },
    };
    await outbox.append('webhook-w1', registered);
    const webhook = (await webhooksReadModel(outbox.db).webhook('w1'))!;
    let secret = '';
    const decisions = {
      onWebhook: async (_caller: Caller, _id: string, _action: string, command: (context: object) => Promise<WebhookCommand>) => {
        secret = ((await command({ webhook, actor: ann })) as { secret: string }).secret;
        return { stream: 'webhook-w1', revision: 1, position: 2n, replayed: false };
      },
    } as unknown as WebhookDecisions;
    const answer = await new RotateWebhookSecretResolver(
      busFor(new RotateWebhookSecretHandler({} as EventSourcing, decisions, personalData)),
    ).rotateWebhookSecret({ webhookId: 'w1' }, undefined, caller);
    expect(answer.webhook).toMatchObject({ id: 'w1', url: 'https://hooks.example.com/', active: true, secret });
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe('whsec_old');
  });
});
